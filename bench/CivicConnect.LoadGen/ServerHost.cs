using System.Diagnostics;
using System.Globalization;

namespace CivicConnect.LoadGen;

/// <summary>
/// The server under load, started on <see cref="LoadOptions.Url"/> with the run's Twilio account
/// whose REST API is the stand-in on <see cref="LoadOptions.ApiPort"/>, so every reply the load
/// causes stays on the machine. Its output goes to <see cref="LoadOptions.ServerLog"/>; disposing
/// stops it (SIGTERM, then a kill if it does not stop in time).
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly List<string> lines = [];
    private bool disposed;

    private ServerHost(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public static async Task<ServerHost> StartAsync(LoadOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ServerLog))!);
        var log = new StreamWriter(options.ServerLog, append: false) { AutoFlush = true };
        var baseUrl = options.Url.GetLeftPart(UriPartial.Authority);
        var start = Start(options, "--urls", baseUrl);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        var host = new ServerHost(process, log);
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.Error.WriteLine($"starting the server on {baseUrl} (log: {options.ServerLog})");

        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        // A node on two cores shared with other builds took 47 s to listen (issue 15 runs): allow three minutes.
        while (waited.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (live.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening (or not answering) yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await host.DisposeAsync();
        throw new InvalidOperationException($"the server did not start (see {options.ServerLog})");
    }

    /// <summary>
    /// Starts the server and waits until <c>/health/ready</c> (database and published classifier loaded): a drill's
    /// load must not start against a node still training, or its judge measures the warm-up.
    /// </summary>
    public static async Task<ServerHost> StartReadyAsync(LoadOptions options)
    {
        var host = await StartAsync(options);
        if (await WaitForReadyAsync(options, Stopwatch.StartNew(), TimeSpan.FromMinutes(10)) is null)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"the server did not become ready within 10 minutes (see {options.ServerLog})");
        }

        return host;
    }

    /// <summary>A development bearer token from the server's own <c>token</c> command (same configuration, same key).</summary>
    /// <summary>Polls <c>/health/ready</c> every 50 ms until it answers 200: the time on <paramref name="clock"/> then, or null after <paramref name="patience"/>.</summary>
    public static async Task<TimeSpan?> WaitForReadyAsync(LoadOptions options, Stopwatch clock, TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < patience)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet (starting, or its database restarting): try again.
            }

            await Task.Delay(50);
        }

        return null;
    }

    public static async Task<string> TokenAsync(LoadOptions options, string role)
    {
        var start = Start(options, "token", "--role", role, "--name", "loadgen");
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the token command did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return process.ExitCode == 0 && token is { Length: > 0 }
            ? token
            : throw new InvalidOperationException($"civic token --role {role} failed (exit code {process.ExitCode})");
    }

    /// <summary>The server's process id (the drills read its memory and kill it).</summary>
    public int ProcessId => process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL, as a crashed node or an OOM kill: no shutdown, no flush, nothing finished.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Every line the server has printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (log)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>
    /// CPU the server process has used so far (user + system, all threads), from /proc/PID/stat; null once it has
    /// exited. On a machine shared with other work a level's turns per second move with the load; the server's
    /// CPU per message moves much less, so side-by-side figures read it too.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            // The fields after the command name (which may hold spaces) start at the state, field 3: utime and stime are 14 and 15.
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>USER_HZ, the unit of /proc's CPU times: 100 on every Linux the project builds on.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>The server's resident memory (VmRSS) in MiB, from /proc; null once it has exited.</summary>
    public double? ResidentMiB() => Memory()?.ResidentMiB;

    /// <summary>The server's resident memory and its anonymous and file-backed parts, from /proc/PID/status; null once it has exited.</summary>
    public MemorySample? Memory()
    {
        try
        {
            var fields = File.ReadLines($"/proc/{process.Id}/status")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
            if (!fields.ContainsKey("VmRSS"))
            {
                return null;
            }

            double MiB(string key) => fields.TryGetValue(key, out var v) ? double.Parse(v.Split(' ')[0], CultureInfo.InvariantCulture) / 1024 : 0;
            return new MemorySample(TimeSpan.Zero, MiB("VmRSS"), MiB("RssAnon"), MiB("RssFile"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Twice is fine: a paused-turns run stops its server early, before the one that drains starts.
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            // SIGTERM: the server shuts down gracefully, as it would under a process manager.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static ProcessStartInfo Start(LoadOptions options, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(options.Server!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Twilio__AccountSid"] = options.AccountSid;
        environment["Twilio__AuthToken"] = options.AuthToken;
        environment["Twilio__PhoneNumber"] = options.CityNumber;
        environment["Twilio__ApiBaseUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.ApiPort}");
        environment["Twilio__InboundPerSenderPerMinute"] = "10000";
        environment["Channels__PublicBaseUrl"] = options.Url.GetLeftPart(UriPartial.Authority);
        foreach (var (key, value) in options.ServerEnvironment)
        {
            environment[key] = value;
        }
        return start;
    }

    /// <summary>Waits until the server has printed a line containing <paramref name="text"/>; false if it did not within <paramref name="patience"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience && !process.HasExited)
        {
            lock (log)
            {
                if (lines.Exists(l => l.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
            lines.Add(line);
        }
    }
}
