using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>
/// The hourly digest: for every department with reports not yet announced, one alert (per contact)
/// listing them, and the reports marked announced — all in one transaction. The unannounced rows
/// are locked first (<c>FOR UPDATE</c>): a second run at the same moment, on this node or another,
/// waits for the first to commit, then finds nothing left, so each report is in exactly one digest.
/// </summary>
public sealed class NewReportDigest(CivicDbContext db, IOutbox outbox, TimeProvider clock)
{
    /// <returns>How many departments got a digest.</returns>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Not composed any further, so EF sends the statement as written, lock clause included.
        // A department switched off since keeps its rows unannounced (and untouched).
        var pending = await db.DepartmentReportNotices
            .FromSqlRaw("""
                SELECT n.* FROM department_report_notices n
                JOIN departments d ON d.id = n.department_id
                WHERE n.notified_at IS NULL AND d.new_reports <> 'Off'
                ORDER BY n.department_id, n.routed_at, n.id
                FOR UPDATE OF n
                """)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var issueIds = pending.Select(n => n.IssueId).ToList();
        var issues = await db.Issues.AsNoTracking().Include(i => i.Category)
            .Where(i => issueIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var departmentIds = pending.Select(n => n.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var group in pending.GroupBy(n => n.DepartmentId))
        {
            var department = departments[group.Key];
            var lines = group
                .Select(n => (Notice: n, Issue: issues[n.IssueId]))
                .Select(x => new NewReportLine(x.Issue.ReferenceNumber, x.Issue.Category!.Name.For(department.Locale), x.Issue.AddressText, x.Issue.Priority, x.Issue.Deadline, x.Notice.RoutedAt, x.Issue.Description))
                .ToList();
            var text = NewReportWording.Digest(department.Locale, department.Name.For(department.Locale), lines);
            foreach (var (channel, address) in DepartmentRecipients.Of(department))
            {
                outbox.Enqueue(OutboxKinds.Notification, channel, address, conversationId: null, department.Locale, Reply.Plain(text), now);
            }

            foreach (var notice in group)
            {
                notice.NotifiedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return departmentIds.Count;
    }
}
