using System.Globalization;
using System.Text;

namespace CivicConnect.LoadGen;

/// <summary>Transitions mode's table: per number of staff clients, the transitions and then the queue's two reads, each with its own percentiles.</summary>
internal static class StaffApiReport
{
    public static string Markdown(LoadOptions options, int issueCount, int seededReports, long reportsInDatabase, IReadOnlyList<(TransitionResult Transitions, QueueResult Queue)> levels)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Staff API at {options.Url}: transitions on {issueCount} Open311 issues, then queue page loads (counts + a page of 25), each for up to {options.Duration.TotalSeconds:0} s or {options.MaxRequests} requests per level; {reportsInDatabase:N0} reports in the database ({seededReports:N0} seeded); {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| staff clients | request | answered | failed | per second | p50 (ms) | p95 (ms) | p99 (ms) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (transitions, queue) in levels)
        {
            Row(text, transitions.Concurrency, "transition (POST /api/issues/{id}/transitions)", transitions.LatencyMs, transitions.Failed, transitions.Elapsed);
            Row(text, queue.Concurrency, "queue counts (GET /api/issues/counts)", queue.CountMs, queue.Failed, queue.Elapsed);
            Row(text, queue.Concurrency, "queue page (GET /api/issues)", queue.ListMs, queue.Failed, queue.Elapsed);
        }

        text.AppendLine();
        text.AppendLine("The queue's failed column counts page loads with either request failed (the same number on both rows).");
        text.AppendLine();

        // Which filters make the page's tail: each kind's own page times (its variants, other codes or pages, together).
        text.AppendLine("Queue page (GET /api/issues) by filter:");
        text.AppendLine();
        text.AppendLine("| staff clients | filter | answered | p50 (ms) | p95 (ms) | p99 (ms) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|");
        foreach (var (_, queue) in levels)
        {
            foreach (var kind in queue.ListMsByKind)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {queue.Concurrency} | {kind.Kind} | {kind.ListMs.Length:N0} | {WebhookLoad.Percentile(kind.ListMs, 0.50):0.0} | {WebhookLoad.Percentile(kind.ListMs, 0.95):0.0} | {WebhookLoad.Percentile(kind.ListMs, 0.99):0.0} |");
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, int clients, string request, double[] sortedMs, int failed, TimeSpan elapsed) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {clients} | {request} | {sortedMs.Length:N0} | {failed} | {sortedMs.Length / elapsed.TotalSeconds:0.0} | {WebhookLoad.Percentile(sortedMs, 0.50):0.0} | {WebhookLoad.Percentile(sortedMs, 0.95):0.0} | {WebhookLoad.Percentile(sortedMs, 0.99):0.0} |");
}
