using System.Globalization;
using System.Text;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--mode soak</c>: minutes of paced webhooks (<c>--drill-rate</c> new messages a second, a rate
/// the node can answer, for <c>--soak-seconds</c>) while the server's memory is sampled every 15 s,
/// resident and managed apart (issue #15: at most 700 MB per node with both models loaded, flat over
/// a 5-minute soak). Every reply must still arrive exactly once.
/// </summary>
internal static class SoakDrill
{
    /// <summary>The issue's limit: 700 MB per node.</summary>
    private const double LimitMiB = 700_000_000 / (1024.0 * 1024.0);

    /// <summary>How much the resident memory may still grow after the first third of the soak (warm-up: JIT, pools, caches) and count as flat.</summary>
    private const double FlatGrowth = 0.05;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
        await using var server = await ServerHost.StartReadyAsync(options with { ServerLog = Path.ChangeExtension(options.ServerLog, "soak.log") });
        var concurrency = KillDrill.Concurrency(options);
        var duration = options.SoakDuration;
        RetryingSendResult sent;
        ExactlyOnceResult judged;
        IReadOnlyList<MemorySample> process;
        IReadOnlyList<ManagedSample> managed;
        string? managedMissing;
        var sampler = MemorySampler.Start(server, duration + TimeSpan.FromSeconds(20));
        await using (sampler)
        {
            sent = await RetryingSender.RunAsync(options, concurrency, duration, TimeSpan.FromSeconds(30));
            judged = await ExactlyOnce.JudgeAsync(sent.Accepted, provider, options.ReplyPatience);
        }

        process = sampler.Samples;
        managed = sampler.Managed();
        managedMissing = sampler.ManagedUnavailable;

        var unhandled = ExactlyOnce.UnhandledExceptionLines(server.Lines);
        var loaded = process.Where(s => s.At <= duration).ToList();
        var afterWarmUp = loaded.FirstOrDefault(s => s.At >= duration / 3);
        var atEnd = loaded.LastOrDefault();
        var peak = process.Count == 0 ? 0 : process.Max(s => s.ResidentMiB);
        var growth = afterWarmUp is null || atEnd is null ? double.NaN : (atEnd.ResidentMiB - afterWarmUp.ResidentMiB) / afterWarmUp.ResidentMiB;
        var flat = growth <= FlatGrowth;
        var passed = judged.Holds && sent.Unacknowledged == 0 && unhandled == 0 && peak <= LimitMiB && flat;

        var text = new StringBuilder(DrillTable.Markdown(
            string.Create(CultureInfo.InvariantCulture, $"Soak: {duration.TotalSeconds:0} s of signed Twilio webhooks from {concurrency} senders ({options.DrillRate:0} new messages/s in all), the server's memory sampled every {MemorySampler.Every.TotalSeconds:0} s; {Environment.ProcessorCount} cores."),
            [
                ("messages acknowledged", judged.Accepted),
                ("messages never acknowledged", sent.Unacknowledged),
                ("lost (acknowledged, no reply)", judged.Lost),
                ("replies sent twice", judged.Duplicates),
                ("all replied, after the load", DrillTable.Seconds(judged.AllRepliedAfter)),
                ("unhandled exception lines in the log", unhandled),
                ("resident at a third of the soak (MiB)", afterWarmUp?.ResidentMiB ?? double.NaN),
                ("resident at the end of the load (MiB)", atEnd?.ResidentMiB ?? double.NaN),
                ("growth from a third to the end", growth.ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture) + $" (flat: ≤ {FlatGrowth:0 %})"),
                ("peak resident (MiB; limit 700 MB = 667.6 MiB)", peak),
            ],
            passed));
        text.AppendLine();
        text.AppendLine(Timeline(process, managed, managedMissing));
        Console.WriteLine(text.ToString());
        return passed ? 0 : 1;
    }

    /// <summary>One row a minute (and the first and last samples): resident, its anonymous and file-backed parts, the managed heap, and native = anonymous − managed committed.</summary>
    private static string Timeline(IReadOnlyList<MemorySample> process, IReadOnlyList<ManagedSample> managed, string? managedMissing)
    {
        var text = new StringBuilder();
        text.AppendLine("| time | resident (MiB) | anonymous | file-backed | managed committed | managed live objects | native (anonymous − managed committed) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        var rows = process.Where((s, i) => i == 0 || i == process.Count - 1 || (int)s.At.TotalMinutes != (int)process[i - 1].At.TotalMinutes);
        foreach (var s in rows)
        {
            var m = managed.Count == 0 ? null : managed.MinBy(x => Math.Abs((x.At - s.At).TotalSeconds));
            string Managed(Func<ManagedSample, double> pick) => m is null ? "n/a" : pick(m).ToString("0", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.At:m\\:ss} | {s.ResidentMiB:0} | {s.AnonymousMiB:0} | {s.FileMiB:0} | {Managed(x => x.CommittedMiB)} | {Managed(x => x.HeapMiB)} | {(m is null ? "n/a" : (s.AnonymousMiB - m.CommittedMiB).ToString("0", CultureInfo.InvariantCulture))} |");
        }

        if (managedMissing is not null)
        {
            text.AppendLine();
            text.AppendLine("Managed figures missing: " + managedMissing + ".");
        }

        return text.ToString();
    }
}
