using System.Globalization;
using System.Text;

namespace CivicConnect.LoadGen;

internal static class Report
{
    public static string Markdown(LoadOptions options, IReadOnlyList<LevelResult> results, int repliesSent)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Signed Twilio webhooks to {options.Url} for up to {options.Duration.TotalSeconds:0} s or {options.MaxRequests} requests per level; {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| senders | accepted webhooks | failed | accepted/s | p50 ack (ms) | p99 ack (ms) | all replied after (s) | replied/s | p50 reply (ms) | p95 reply (ms) | p99 reply (ms) | server RSS (MiB) | pgbench insert TPS |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var w = r.Webhooks;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Concurrency} | {w.Accepted} | {w.Failed} | {w.PerSecond:0.0} | {w.P50Ms:0.0} | {w.P99Ms:0.0} | {(r.AllRepliedAfter is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "never")} | {(r.RepliedPerSecond is { } rps ? rps.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} | {WebhookLoad.Percentile(r.ReplyMs, 0.50):0} | {WebhookLoad.Percentile(r.ReplyMs, 0.95):0} | {WebhookLoad.Percentile(r.ReplyMs, 0.99):0} | {(r.ResidentMiB is { } m ? m.ToString("0", CultureInfo.InvariantCulture) : "n/a")} | {(r.PgBench is { } p ? p.Tps.ToString("0", CultureInfo.InvariantCulture) : "n/a")} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Replies received by the Twilio API stand-in during the run: {repliesSent}.");
        if (results.FirstOrDefault(r => r.PgBench is not null)?.PgBench is { } first)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pgbench command (first level): `{first.CommandLine}`");
        }

        return text.ToString();
    }
}
