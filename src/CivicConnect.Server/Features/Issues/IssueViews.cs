using System.Linq.Expressions;
using System.Security.Claims;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Issues;

/// <summary>
/// What staff read. The reporter's details are a separate query made only for callers allowed to
/// see them, so a field worker's response never had them to begin with.
/// </summary>
internal static class IssueViews
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
        null);

    /// <summary>Field workers see the problem (place, description, photos), never who reported it.</summary>
    public static bool SeesReporter(ClaimsPrincipal user) => user.IsInRole(CivicRoles.Staff) || user.IsInRole(CivicRoles.Supervisor);

    public static async Task<IReadOnlyList<IssueSummary>> WithReportersAsync(CivicDbContext db, IReadOnlyList<IssueSummary> rows, CancellationToken cancellationToken)
    {
        var reporters = await LoadReportersAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => r with { Reporter = reporters.GetValueOrDefault(r.Id) }).ToList();
    }

    public static async Task<IssueDetail?> LoadDetailAsync(CivicDbContext db, long id, bool seesReporter, CancellationToken cancellationToken)
    {
        var summary = await db.Issues.AsNoTracking().Where(i => i.Id == id).Select(Summary).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var extra = await db.Issues.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Attributes,
                i.Locale,
                i.ResolvedAt,
                i.ClosedAt,
                i.ResolutionNote,
                i.StatusReason,
                i.ReferredTo,
                DuplicateOf = db.Issues.Where(o => o.Id == i.DuplicateOfId).Select(o => (int?)o.ReferenceNumber).FirstOrDefault(),
                i.Satisfaction,
                i.Status,
            })
            .SingleAsync(cancellationToken);
        var media = await db.IssueMedia.AsNoTracking().Where(m => m.IssueId == id).OrderBy(m => m.Id)
            .Select(m => new MediaView(m.Id, m.ContentType, "/media/" + m.StoredPath, m.ThumbnailPath == null ? null : "/media/" + m.ThumbnailPath, m.SizeBytes, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var history = await db.IssueEvents.AsNoTracking().Where(e => e.IssueId == id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new HistoryLine(e.Kind, e.Actor, e.FromStatus == null ? null : e.FromStatus.ToString(), e.ToStatus.ToString(), e.Comment, e.IsPublic, e.OccurredAt))
            .ToListAsync(cancellationToken);

        if (seesReporter)
        {
            summary = (await WithReportersAsync(db, [summary], cancellationToken))[0];
        }

        var allowed = IssueLifecycle.ConfiguredTriggers(extra.Status).Select(t => t.ToString()).ToList();
        return new IssueDetail(
            summary,
            extra.Locale,
            extra.Attributes,
            extra.ResolvedAt,
            extra.ClosedAt,
            extra.ResolutionNote,
            extra.StatusReason,
            extra.ReferredTo,
            extra.DuplicateOf,
            extra.Satisfaction,
            allowed,
            media,
            history);
    }

    /// <summary>A reporter who stayed anonymous (asked for no updates) is not shown even to office staff.</summary>
    private static async Task<Dictionary<long, ReporterView>> LoadReportersAsync(CivicDbContext db, List<long> ids, CancellationToken cancellationToken)
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

public sealed record Position(double Lat, double Lon);

public sealed record IssueSummary(
    long Id,
    int Reference,
    string Status,
    string Category,
    string Priority,
    string? Department,
    string? AssignedTo,
    string? Ward,
    string Description,
    Position? Location,
    string? AddressText,
    string Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? Deadline,
    int EscalationLevel,
    int VoteCount,
    ReporterView? Reporter);

/// <param name="Contact">The channel address: a phone number on SMS/WhatsApp, a conversation id on web chat.</param>
public sealed record ReporterView(string? Channel, string? Contact, string? Name, string? Phone, string? Email, string? Address);

public sealed record IssueDetail(
    IssueSummary Issue,
    string Locale,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string? ResolutionNote,
    string? StatusReason,
    string? ReferredTo,
    int? DuplicateOf,
    int? Satisfaction,
    IReadOnlyList<string> AllowedTriggers,
    IReadOnlyList<MediaView> Media,
    IReadOnlyList<HistoryLine> History);

public sealed record MediaView(long Id, string ContentType, string Url, string? ThumbnailUrl, long SizeBytes, DateTimeOffset CreatedAt);

public sealed record HistoryLine(string Kind, string Actor, string? From, string To, string? Comment, bool Public, DateTimeOffset At);

public sealed record IssuePage(IReadOnlyList<IssueSummary> Items, int Page, int PageSize, int Total);
