using System.Globalization;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Privacy;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Events;

/// <summary>
/// Tells the report's subscribers (its department's, the one it was just taken from, and those of every department) what just
/// happened to it, as a CloudEvent. Only added to the caller's unit of work, one outbox row per
/// subscriber: the event commits with the change that caused it or not at all, and the outbox
/// sends it afterwards, with retries, in the order written per report and subscriber. The event is
/// encoded once, so every subscriber, and every retry, gets the same <c>id</c>.
/// </summary>
public sealed class ReportEvents(CivicDbContext db, IOutbox outbox, IContactRedactor redactor, IOptions<ReportEventOptions> options, IOptions<CityOptions> city)
{
    /// <param name="issue">The report after the change (tracked or not; its id must be set).</param>
    /// <param name="type">One of <see cref="ReportEventTypes"/>.</param>
    public async Task PublishAsync(Issue issue, string type, DateTimeOffset now, CancellationToken cancellationToken, ReportTransition? transition = null, ReportComment? comment = null)
    {
        // A report handed to another department: the department it leaves hears that too (its last event about it).
        List<int?> departments = [issue.DepartmentId, DepartmentBefore(issue)];
        var subscribers = await db.EventSubscribers.AsNoTracking()
            .Where(s => s.DepartmentId == null || departments.Contains(s.DepartmentId))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Url })
            .ToListAsync(cancellationToken);
        if (subscribers.Count == 0)
        {
            return;
        }

        var data = await DataAsync(issue, transition, comment, cancellationToken);
        var body = ReportEventEncoding.Encode(type, Source(), now, data);
        foreach (var subscriber in subscribers)
        {
            outbox.EnqueueEvent(ChannelIds.Webhook, subscriber.Url, OrderKey(subscriber.Id, issue.Id), ReportEventEncoding.ContentType, body, now);
        }
    }

    /// <summary>The department as loaded, before this unit of work changed it (null for a report new in it).</summary>
    private int? DepartmentBefore(Issue issue)
    {
        var entry = db.Entry(issue);
        return entry.State is EntityState.Unchanged or EntityState.Modified ? entry.Property(i => i.DepartmentId).OriginalValue : null;
    }

    private static string OrderKey(int subscriber, long issue) => string.Create(CultureInfo.InvariantCulture, $"report-event:{subscriber}:{issue}");

    private string Source() =>
        options.Value.Source is { Length: > 0 } source ? source : "/civicconnect/" + Uri.EscapeDataString(city.Value.Name.Trim().ToLowerInvariant().Replace(' ', '-'));

    private async Task<ReportEventData> DataAsync(Issue issue, ReportTransition? transition, ReportComment? comment, CancellationToken cancellationToken)
    {
        // Codes, not names: they are what a receiving system maps; names change with the language.
        var category = issue.Category?.Code ?? await db.ServiceCategories.Where(c => c.Id == issue.CategoryId).Select(c => c.Code).SingleAsync(cancellationToken);
        var department = issue.DepartmentId is not { } departmentId ? null
            : issue.Department?.Id == departmentId ? issue.Department.Code
            : await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Code).SingleAsync(cancellationToken);
        var ward = issue.WardId is not { } wardId ? null
            : issue.Ward?.Id == wardId ? issue.Ward.Code
            : await db.Wards.Where(w => w.Id == wardId).Select(w => w.Code).SingleOrDefaultAsync(cancellationToken);
        var region = options.Value.PhoneRegion;
        return new ReportEventData(
            issue.ReferenceNumber,
            category,
            department,
            issue.Status,
            issue.Priority,
            ward,
            issue.Location is { } point ? new ReportPoint(point.Y, point.X) : null,
            issue.AddressText,
            redactor.Redact(issue.Description, region),
            issue.EscalationLevel,
            issue.CreatedAt,
            issue.UpdatedAt,
            issue.Deadline,
            issue.ResolvedAt,
            issue.ClosedAt,
            transition,
            comment is { Text: { } text } ? comment with { Text = redactor.Redact(text, region) } : comment);
    }
}
