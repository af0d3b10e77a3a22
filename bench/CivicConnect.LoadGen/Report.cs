using System.Globalization;
using System.Text;

namespace CivicConnect.LoadGen;

internal static class Report
{
    /// <param name="drained">Turns paused: how long the server that resumed them took to answer every accepted message (null: not all were).</param>
    public static string Markdown(LoadOptions options, IReadOnlyList<LevelResult> results, int repliesSent, TimeSpan? drained = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Signed Twilio webhooks to {options.Url} for up to {options.Duration.TotalSeconds:0} s or {options.MaxRequests} requests per level; {Environment.ProcessorCount} cores; turns {(options.TurnsPaused ? "paused (Messaging:Turns = SweeperOnly; replies come when a second server resumes them)" : "running")}.");
        text.AppendLine();
        text.AppendLine("| senders | accepted webhooks | failed | accepted/s | p50 ack (ms) | p99 ack (ms) | all replied after (s) | replied/s | p50 reply (ms) | p95 reply (ms) | p99 reply (ms) | server RSS (MiB) | server CPU per message (ms) | pgbench insert TPS | accepted/s ÷ pgbench TPS |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var w = r.Webhooks;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Concurrency} | {w.Accepted} | {w.Failed} | {w.PerSecond:0.0} | {w.P50Ms:0.0} | {w.P99Ms:0.0} | {(r.AllRepliedAfter is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : options.TurnsPaused ? "paused" : "never")} | {(r.RepliedPerSecond is { } rps ? rps.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} | {Ms(r.ReplyMs, 0.50)} | {Ms(r.ReplyMs, 0.95)} | {Ms(r.ReplyMs, 0.99)} | {(r.ResidentMiB is { } m ? m.ToString("0", CultureInfo.InvariantCulture) : "n/a")} | {(r.ServerCpuMsPerMessage is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} | {(r.PgBench is { } p ? p.Tps.ToString("0", CultureInfo.InvariantCulture) : "n/a")} | {(r.PgBench is { Tps: > 0 } q ? (w.PerSecond / q.Tps).ToString("0.000", CultureInfo.InvariantCulture) : "n/a")} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Replies received by the Twilio API stand-in during the run: {repliesSent}.");
        if (options.TurnsPaused)
        {
            text.AppendLine(drained is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"Turns resumed on a second server: every accepted message answered {d.TotalSeconds:0.0} s after it was started.")
                : "Turns resumed on a second server: NOT every accepted message was answered.");
        }

        if (results.FirstOrDefault(r => r.PgBench is not null)?.PgBench is { } first)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pgbench command (first level): `{first.CommandLine}`");
        }

        return text.ToString();
    }

    /// <summary>A reply-latency percentile, or n/a when the level had no replies (turns paused).</summary>
    private static string Ms(double[] sorted, double p) =>
        sorted.Length == 0 ? "n/a" : WebhookLoad.Percentile(sorted, p).ToString("0", CultureInfo.InvariantCulture);
}
