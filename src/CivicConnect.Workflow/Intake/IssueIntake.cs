using CivicConnect.Core.Telemetry;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;
using CivicConnect.Workflow.DepartmentAlerts;
using CivicConnect.Workflow.Escalation;
using CivicConnect.Workflow.Events;
using CivicConnect.Workflow.Routing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Workflow.Intake;

/// <summary>
/// Turns a confirmed report into an issue: reference number, department, priority and deadline
/// from the published routing rules, history, photos and the reporter's subscription. It only adds to the unit of work;
/// the turn that called it commits everything together. The live queue hears of the new report in
/// that same transaction (delivered on commit, never for a report that rolled back).
/// </summary>
public sealed class IssueIntake(CivicDbContext db, IssueRouter router, EscalationScheduler escalations, NewReportAlerts alerts, ReportEvents events, ILiveFeed live, TimeProvider clock) : IIssueIntake
{
    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public async Task<SubmittedIssue> SubmitAsync(IssueSubmission submission, CancellationToken cancellationToken)
    {
        using var span = CivicTelemetry.Start("intake");
        var category = await db.ServiceCategories.Include(c => c.Department)
            .FirstOrDefaultAsync(c => c.Code == submission.CategoryCode && c.Active, cancellationToken)
            ?? await db.ServiceCategories.Include(c => c.Department).FirstAsync(c => c.Code == "other", cancellationToken);
        var now = clock.GetUtcNow();
        var reference = await db.Database
            .SqlQueryRaw<int>($"SELECT nextval('{CivicDbContext.ReferenceSequence}')::int AS \"Value\"")
            .SingleAsync(cancellationToken);
        var routed = await router.RouteAsync(category, submission.Place.WardCode, submission.Priority ?? category.DefaultPriority, submission.Description, now, cancellationToken);


        // The id is taken now, not at the caller's save, so the live event can name the report.
        var id = await db.Database
            .SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('issues', 'id')) AS \"Value\"")
            .SingleAsync(cancellationToken);
        var issue = new Issue
        {
            Id = id,
            ReferenceNumber = reference,
            CategoryId = category.Id,
            Priority = routed.Decision.Priority,
            Description = Truncate(submission.Description, 4000),
            Location = Geometry.CreatePoint(new Coordinate(submission.Place.Longitude, submission.Place.Latitude)),
            AddressText = Truncate(submission.Place.Label, 500),
            WardId = submission.Place.WardId,
            DepartmentId = routed.DepartmentId,
            ReporterConversationId = submission.ConversationId,
            Channel = submission.Channel,
            Locale = submission.Locale,
            Attributes = new Dictionary<string, string>(submission.Attributes),
            Deadline = routed.Deadline,
            CreatedAt = now,
            UpdatedAt = now,
        };
        issue.AddHistory(IssueEventKinds.Intake, $"citizen via {submission.Channel}", from: null, "Reported", isPublic: true, now);
        issue.AddHistory(
            IssueEventKinds.Routing,
            "routing",
            from: null,
            $"Routed to {routed.DepartmentCode} by {(routed.Decision.Rule is { } rule ? $"rule '{rule}'" : "the default")} (rules v{routed.RulesVersion}); SLA {routed.Decision.SlaHours:0.##} h",
            isPublic: false,
            now);
        issue.Media.AddRange(ToMedia(submission.Photos, now));
        if (submission.Subscribe && submission.ConversationId is { } conversationId)
        {
            issue.Subscribers.Add(new IssueSubscriber { ConversationId = conversationId, Kind = SubscriberKind.Reporter, CreatedAt = now });
        }

        db.Issues.Add(issue);
        await alerts.RoutedAsync(issue, routed.DepartmentId, now, cancellationToken);
        await events.PublishAsync(issue, ReportEventTypes.Created, now, cancellationToken);

        // Keyed by the reference number, which exists before the commit: should the caller's
        // transaction roll back, the job finds no issue when it fires and does nothing.
        await escalations.ScheduleAsync(reference, routed.Deadline, cancellationToken);
        await live.PublishAsync(db, LiveTopics.Issues, NewReportEvent(id, reference, routed.DepartmentCode), cancellationToken);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == routed.DepartmentId).Select(d => d.Name).SingleAsync(cancellationToken);
        return new SubmittedIssue(issue.Id, reference, department.For(submission.Locale));
    }

    public async Task<SubmittedIssue> JoinAsync(long issueId, Guid conversationId, bool subscribe, IReadOnlyList<DraftPhoto> photos, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // A vote is a counter bump, not a read-modify-write: concurrent joins never lose one.
        await db.Issues.Where(i => i.Id == issueId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount + 1).SetProperty(i => i.UpdatedAt, now), cancellationToken);

        // Loaded after the bump, so the tracked row is current; only its new history line is saved.
        var issue = await db.Issues.Include(i => i.Department).SingleAsync(i => i.Id == issueId, cancellationToken);

        var alreadySubscribed = await db.IssueSubscribers.AnyAsync(s => s.IssueId == issueId && s.ConversationId == conversationId, cancellationToken);
        if (subscribe && !alreadySubscribed)
        {
            db.IssueSubscribers.Add(new IssueSubscriber { IssueId = issueId, ConversationId = conversationId, Kind = SubscriberKind.Joined, CreatedAt = now });
        }

        foreach (var media in ToMedia(photos, now))
        {
            media.IssueId = issueId;
            db.IssueMedia.Add(media);
        }

        // Like the first report, a citizen's report: no status it came from.
        issue.AddHistory(IssueEventKinds.Vote, "citizen", from: null, "Another citizen reported the same problem", isPublic: false, now);
        return new SubmittedIssue(issue.Id, issue.ReferenceNumber, issue.Department!.Name.For(issue.Locale));
    }

    private static string NewReportEvent(long id, int reference, string? department) =>
        System.Text.Json.JsonSerializer.Serialize(new { issueId = id, reference, department, change = "reported" });

    private static IEnumerable<IssueMedia> ToMedia(IReadOnlyList<DraftPhoto> photos, DateTimeOffset now) =>
        photos.Where(p => p.StoredPath is not null).Select(p => new IssueMedia
        {
            StoredPath = p.StoredPath!,
            ContentType = p.ContentType,
            ThumbnailPath = p.ThumbnailPath,
            ExifStripped = true,
            SizeBytes = p.SizeBytes,
            CreatedAt = now,
        });

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
