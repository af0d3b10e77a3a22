using System.Diagnostics;
using System.Globalization;

namespace CivicConnect.LoadGen;

/// <param name="At">Time since the sampler started.</param>
/// <param name="ResidentMiB">VmRSS: everything resident.</param>
/// <param name="AnonymousMiB">RssAnon: the managed heap, native allocations (ONNX Runtime's buffers, native libraries' heaps) and thread stacks.</param>
/// <param name="FileMiB">RssFile: code and model files mapped from disk.</param>
internal sealed record MemorySample(TimeSpan At, double ResidentMiB, double AnonymousMiB, double FileMiB);

/// <param name="At">Time since the sampler started (the counters' own clock, to the second).</param>
/// <param name="CommittedMiB">Memory the GC has committed after its last collection (<c>dotnet.gc.last_collection.memory.committed_size</c>).</param>
/// <param name="HeapMiB">Objects alive after the last collection, all generations (<c>dotnet.gc.last_collection.heap.size</c>).</param>
internal sealed record ManagedSample(TimeSpan At, double CommittedMiB, double HeapMiB);

/// <summary>
/// The server's memory over a soak, split the way the issue asks: what the process holds (from
/// /proc, every <see cref="Every"/>) and what of it is the managed heap (the runtime's own counters,
/// read by <c>dotnet-counters</c> from the tool manifest; the rest of the anonymous memory is native).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    private readonly ServerHost server;
    private readonly List<MemorySample> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Process? counters;
    private readonly string countersFile;
    // dotnet-counters stamps its rows with local wall-clock time, to the second.
    private readonly DateTime started = TimeProvider.System.GetLocalNow().DateTime;

    private MemorySampler(ServerHost server, TimeSpan duration, string workingDirectory)
    {
        this.server = server;
        countersFile = Path.Combine(Path.GetTempPath(), $"civic-soak-counters-{server.ProcessId}.csv");
        File.Delete(countersFile);
        counters = StartCounters(server.ProcessId, duration, workingDirectory, countersFile);
        loop = SampleAsync(stop.Token);
    }

    public IReadOnlyList<MemorySample> Samples => samples;

    /// <summary>Why the managed figures are missing, when they are.</summary>
    public string? ManagedUnavailable { get; private set; }

    public static MemorySampler Start(ServerHost server, TimeSpan duration) =>
        new(server, duration, Environment.GetEnvironmentVariable("CIVIC_ROOT") ?? Directory.GetCurrentDirectory());

    /// <summary>The managed samples, once the sampler is disposed (dotnet-counters writes its file when it stops).</summary>
    public IReadOnlyList<ManagedSample> Managed()
    {
        if (!File.Exists(countersFile))
        {
            ManagedUnavailable ??= "dotnet-counters wrote nothing (is it restored? `dotnet tool restore`)";
            return [];
        }

        // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment — one row per counter per refresh.
        var rows = File.ReadLines(countersFile).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 5)
            .Select(f => (At: DateTime.Parse(f[0], CultureInfo.GetCultureInfo("en-US")), Name: f[2], Value: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
        return [.. rows.GroupBy(r => r.At).OrderBy(g => g.Key).Select(g => new ManagedSample(
            g.Key - started,
            g.Where(r => r.Name.StartsWith("dotnet.gc.last_collection.memory.committed_size", StringComparison.Ordinal)).Sum(r => r.Value) / (1024 * 1024),
            g.Where(r => r.Name.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)).Sum(r => r.Value) / (1024 * 1024)))
            .Where(s => s.CommittedMiB > 0)];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        if (counters is not null)
        {
            // It stops by itself at the soak's end (--duration); a soak cut short stops it here.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await counters.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                counters.Kill();
            }

            counters.Dispose();
        }

        stop.Dispose();
    }

    private Process? StartCounters(int pid, TimeSpan duration, string workingDirectory, string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in (string[])["tool", "run", "dotnet-counters", "--", "collect", "--process-id", pid.ToString(CultureInfo.InvariantCulture),
            "--counters", "System.Runtime", "--format", "csv", "--output", file,
            "--refresh-interval", Every.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            var process = Process.Start(start);
            if (process is null)
            {
                ManagedUnavailable = "dotnet-counters did not start";
                return null;
            }

            // Its console output is not needed, but must not fill the pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            ManagedUnavailable = "dotnet-counters: " + ex.Message;
            return null;
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(Every);
        do
        {
            if (server.Memory() is { } sample)
            {
                samples.Add(sample with { At = clock.Elapsed });
            }
        }
        while (await Tick(timer, cancellationToken));

        if (server.Memory() is { } last)
        {
            samples.Add(last with { At = clock.Elapsed });
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
