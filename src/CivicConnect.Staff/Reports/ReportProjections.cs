using System.Linq.Expressions;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// The database shapes of what staff read. The reporter's details are a separate query made only
/// for readers allowed to see them, so a field worker's answer never had them to begin with.
/// </summary>
internal static class ReportProjections
{
    public static readonly Expression<Func<Issue, IssueSummary>> Summary = i => new IssueSummary(
        i.Id,
        i.ReferenceNumber,
        i.Status.ToString(),
        i.Category!.Code,
        i.Priority.ToString(),
        i.Department!.Code,
        i.AssignedTo,
        i.Ward!.Code,
        i.Description,
        i.Location == null ? null : new Position(i.Location.Y, i.Location.X),
        i.AddressText,
        i.Channel,
        i.CreatedAt,
        i.UpdatedAt,
        i.Deadline,
        i.EscalationLevel,
        i.VoteCount,
        null,
        false,
        i.Media.Count);

    /// <summary>Past the deadline and not finished: the SLA clock's one rule.</summary>
    public static bool IsBreached(string status, DateTimeOffset? deadline, DateTimeOffset now) =>
        deadline is { } due && due < now && Enum.TryParse<IssueStatus>(status, out var parsed) && !parsed.IsFinished();

    public static IssueSummary WithClock(IssueSummary summary, DateTimeOffset now) =>
        summary with { SlaBreached = IsBreached(summary.Status, summary.Deadline, now) };

    /// <summary>A reporter who stayed anonymous (asked for no updates) is not shown even to office staff.</summary>
    public static async Task<Dictionary<long, ReporterView>> LoadReportersAsync(CivicDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Issues.AsNoTracking()
                .Where(i => ids.Contains(i.Id))
                .Select(i => new
                {
                    i.Id,
                    Conversation = db.Conversations
                        .Where(c => c.Id == i.ReporterConversationId && i.Subscribers.Any(s => s.ConversationId == c.Id && s.Kind == SubscriberKind.Reporter))
                        .Select(c => new { c.Channel, c.Address })
                        .FirstOrDefault(),
                    i.ReporterName,
                    i.ReporterPhone,
                    i.ReporterEmail,
                    i.ReporterAddress,
                })
                .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Conversation is not null || r.ReporterName is not null || r.ReporterPhone is not null || r.ReporterEmail is not null || r.ReporterAddress is not null)
            .ToDictionary(
                r => r.Id,
                r => new ReporterView(r.Conversation?.Channel, r.Conversation?.Address, r.ReporterName, r.ReporterPhone, r.ReporterEmail, r.ReporterAddress));
    }
}
