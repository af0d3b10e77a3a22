using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>
/// Tells a department about a report routed to it, as the department asked (<see cref="Department.NewReports"/>):
/// nothing when off; otherwise a <see cref="DepartmentReportNotice"/> row, and for an immediate
/// department the alert's outbox rows at once. Everything is only added to the caller's unit of
/// work, so it commits with the routing or not at all. One notice per department and report: a
/// report handed back to a department that already heard of it is not announced again.
/// </summary>
public sealed class NewReportAlerts(CivicDbContext db, IOutbox outbox)
{
    private const int DescriptionLength = 500;

    public async Task RoutedAsync(Issue issue, int departmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == departmentId, cancellationToken);
        if (department.NewReports == NewReportNotice.Off)
        {
            return;
        }

        // An issue added in this unit of work has no id yet, and so no notice either.
        if (issue.Id != 0 && await db.DepartmentReportNotices.AnyAsync(n => n.DepartmentId == departmentId && n.IssueId == issue.Id, cancellationToken))
        {
            return;
        }

        var notice = new DepartmentReportNotice { DepartmentId = departmentId, RoutedAt = now };
        if (issue.Id == 0)
        {
            notice.Issue = issue;
        }
        else
        {
            notice.IssueId = issue.Id;
        }

        db.DepartmentReportNotices.Add(notice);
        if (department.NewReports != NewReportNotice.Immediate)
        {
            return;
        }

        var category = issue.Category ?? await db.ServiceCategories.AsNoTracking().SingleAsync(c => c.Id == issue.CategoryId, cancellationToken);
        var line = new NewReportLine(
            issue.ReferenceNumber,
            category.Name.For(department.Locale),
            issue.AddressText,
            issue.Priority,
            issue.Deadline,
            now,
            issue.Description.Length <= DescriptionLength ? issue.Description : issue.Description[..DescriptionLength] + "…");
        var text = NewReportWording.Immediate(department.Locale, line, department.Name.For(department.Locale));
        foreach (var (channel, address) in DepartmentRecipients.Of(department))
        {
            outbox.Enqueue(OutboxKinds.Notification, channel, address, conversationId: null, department.Locale, Reply.Plain(text), now);
        }

        notice.NotifiedAt = now;
    }
}
