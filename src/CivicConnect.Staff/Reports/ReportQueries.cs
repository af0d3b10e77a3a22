using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// Reading reports, for the staff API and the console alike: the list with its filter, sort and
/// page, the queue's counts, one report with its history, photos and duplicates, and a field
/// worker's own work. Every read goes through <see cref="ReportScope"/>, and reporters' details
/// are loaded only for readers who may see them.
/// </summary>
public sealed class ReportQueries(CivicDbContext db, TimeProvider clock)
{
    /// <summary>
    /// One page of the list and its total: from the lifecycle's counts when the filter is only department, status and
    /// past-deadline (<see cref="StatusCounter"/>); otherwise counted with the page, in its statement, but only up to
    /// <see cref="IssuePage.ExactTotalUpTo"/> — beyond it the page says "at least" (a count of every match would read them
    /// all on each page load, for a number no one pages through).
    /// </summary>
    public Task<IssuePage> ListAsync(ReportFilter filter, ReportViewer viewer, CancellationToken cancellationToken) =>
        SerialReads.RunAsync(db, async () =>
        {
            var now = clock.GetUtcNow();
            var query = filter.Apply(db, ReportScope.Visible(db.Issues.AsNoTracking(), viewer), now);
            var sorted = ReportSorting.Apply(query, filter.Sort, filter.Order);
            if (StatusCounter.CanAnswer(filter, viewer))
            {
                var total = await TalliedTotalAsync(filter, viewer, now, cancellationToken);
                var (items, _) = await ReportPageRows.ReadAsync(db, sorted, null, filter, viewer, now, cancellationToken);
                return new IssuePage(items, filter.PageNumber, filter.Size, total);
            }

            var (rows, counted) = await ReportPageRows.ReadAsync(db, sorted, query, filter, viewer, now, cancellationToken);
            return counted > IssuePage.ExactTotalUpTo
                ? new IssuePage(rows, filter.PageNumber, filter.Size, IssuePage.ExactTotalUpTo, TotalIsLowerBound: true)
                : new IssuePage(rows, filter.PageNumber, filter.Size, counted ?? 0);
        }, cancellationToken);

    /// <summary>The list's total from the lifecycle's counts, over the statuses the filter picks (all when none).</summary>
    private async Task<int> TalliedTotalAsync(ReportFilter filter, ReportViewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chosen = filter.ChosenStatuses(new())?.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        var tallies = await StatusCounter.ReadFilteredAsync(db, filter, viewer, now, cancellationToken);
        return tallies.Where(t => chosen is null || chosen.Contains(t.Status)).Sum(t => t.Reports);
    }

    /// <summary>How many reports the filter finds per status (its own status choice aside, so each count says what picking it would show), and how many are past their deadline.</summary>
    public Task<ReportCounts> CountAsync(ReportFilter filter, ReportViewer viewer, CancellationToken cancellationToken) =>
        SerialReads.RunAsync(db, async () =>
        {
            var now = clock.GetUtcNow();
            var unstatused = filter.WithoutStatus();
            var query = unstatused.Apply(db, ReportScope.Visible(db.Issues.AsNoTracking(), viewer), now);
            if (StatusCounter.CanAnswer(unstatused, viewer))
            {
                var tallies = await StatusCounter.ReadFilteredAsync(db, unstatused, viewer, now, cancellationToken);
                return new ReportCounts(tallies.ToDictionary(t => t.Status, t => t.Reports), tallies.Sum(t => t.Reports), tallies.Sum(t => t.PastDeadline));
            }

            // One pass (an index-only scan of (status, deadline) when nothing narrows it): per status, how many and
            // how many are past their deadline; past the deadline counts as breached only for unfinished statuses.
            var byStatus = await query.GroupBy(i => i.Status)
                .Select(g => new { Status = g.Key, Count = g.Count(), PastDeadline = g.Count(i => i.Deadline != null && i.Deadline < now) })
                .ToListAsync(cancellationToken);
            var breached = byStatus.Where(s => !s.Status.IsFinished()).Sum(s => s.PastDeadline);
            return new ReportCounts(byStatus.ToDictionary(s => s.Status.ToString(), s => s.Count), byStatus.Sum(s => s.Count), breached);
        }, cancellationToken);

    /// <summary>One report as <paramref name="viewer"/> may see it; null when there is none; <see cref="ReportForbiddenException"/> when it is another department's.</summary>
    public async Task<IssueDetail?> DetailAsync(long id, ReportViewer viewer, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().Include(i => i.Department).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null)
        {
            return null;
        }

        ReportScope.EnsureMayRead(viewer, issue.ReferenceNumber, issue.Department?.Code, issue.AssignedTo, issue.Status);
        var now = clock.GetUtcNow();
        var summary = await db.Issues.AsNoTracking().Where(i => i.Id == id).Select(ReportProjections.Summary).SingleAsync(cancellationToken);
        summary = (await CompleteAsync([summary], viewer, now, cancellationToken))[0];

        var duplicateOf = issue.DuplicateOfId is { } original
            ? await db.Issues.AsNoTracking().Where(o => o.Id == original).Select(o => (int?)o.ReferenceNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        var duplicates = await db.Issues.AsNoTracking().Where(d => d.DuplicateOfId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new DuplicateView(d.Id, d.ReferenceNumber, d.Status.ToString(), d.CreatedAt))
            .ToListAsync(cancellationToken);
        var media = await db.IssueMedia.AsNoTracking().Where(m => m.IssueId == id).OrderBy(m => m.Id)
            .Select(m => new MediaView(m.Id, m.ContentType, "/media/" + m.StoredPath, m.ThumbnailPath == null ? null : "/media/" + m.ThumbnailPath, m.SizeBytes, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var history = await db.IssueEvents.AsNoTracking().Where(e => e.IssueId == id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new HistoryLine(e.Kind, e.Actor, e.FromStatus == null ? null : e.FromStatus.ToString(), e.ToStatus.ToString(), e.Comment, e.IsPublic, e.OccurredAt))
            .ToListAsync(cancellationToken);

        var allowed = viewer.Actor is { } actor
            ? IssueTransitions.PossibleTriggers(issue, actor).Select(t => t.ToString()).ToList()
            : [];
        return new IssueDetail(
            summary,
            issue.Locale,
            issue.Attributes,
            issue.ResolvedAt,
            issue.ClosedAt,
            issue.ResolutionNote,
            issue.StatusReason,
            issue.ReferredTo,
            duplicateOf,
            issue.Satisfaction,
            allowed,
            media,
            history,
            issue.Version,
            duplicates);
    }

    /// <summary>A field worker's work list (<see cref="ReportScope.AssignedTo"/>), soonest deadline first, then oldest.</summary>
    public async Task<IReadOnlyList<WorkItem>> AssignedWorkAsync(ReportViewer viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await ReportScope.AssignedTo(db.Issues.AsNoTracking(), viewer)
            .OrderBy(i => i.Deadline == null).ThenBy(i => i.Deadline).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Take(ReportFilter.MaxPageSize)
            .Select(i => new { i.Id, i.Status, i.Version })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var summaries = (await db.Issues.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(ReportProjections.Summary).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id);
        var complete = await CompleteAsync([.. rows.Select(r => summaries[r.Id])], viewer, now, cancellationToken);
        return [.. complete.Zip(rows, (summary, row) => new WorkItem(
            summary,
            viewer.Actor is { } actor ? IssueTransitions.PossibleTriggers(row.Status, summary.Department, actor).Select(t => t.ToString()).ToList() : [],
            row.Version))];
    }

    /// <summary>The categories, wards and departments a filter can pick, named in <paramref name="language"/>.</summary>
    public async Task<ReportChoices> ChoicesAsync(string language, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        var wards = await db.Wards.AsNoTracking().OrderBy(w => w.Code).Select(w => new Choice(w.Code, w.Name)).ToListAsync(cancellationToken);
        return new ReportChoices(
            [.. categories.Select(c => new Choice(c.Code, c.Name.For(language)))],
            wards,
            [.. departments.Select(d => new Choice(d.Code, d.Name.For(language)))]);
    }

    /// <summary>The stored path of one of a report's photos (or its thumbnail), for a reader allowed to open the report; null when there is no such photo.</summary>
    public async Task<string?> PhotoPathAsync(long issueId, long mediaId, bool thumbnail, ReportViewer viewer, CancellationToken cancellationToken)
    {
        var photo = await db.IssueMedia.AsNoTracking()
            .Where(m => m.Id == mediaId && m.IssueId == issueId)
            .Select(m => new
            {
                m.StoredPath,
                m.ThumbnailPath,
                Owner = db.Issues.Where(i => i.Id == m.IssueId).Select(i => new { i.ReferenceNumber, Department = i.Department!.Code, i.AssignedTo, i.Status }).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return null;
        }

        ReportScope.EnsureMayRead(viewer, photo.Owner.ReferenceNumber, photo.Owner.Department, photo.Owner.AssignedTo, photo.Owner.Status);
        return thumbnail ? photo.ThumbnailPath ?? photo.StoredPath : photo.StoredPath;
    }

    private async Task<IReadOnlyList<IssueSummary>> CompleteAsync(List<IssueSummary> rows, ReportViewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The reporter's contact only where the rule gives it (supervisors, or staff on their own department's reports).
        var withContact = rows.Where(r => ReportScope.SeesReporterOf(viewer, r.Department)).Select(r => r.Id).ToList();
        var reporters = withContact.Count > 0
            ? await ReportProjections.LoadReportersAsync(db, withContact, cancellationToken)
            : [];
        return rows.Select(r => ReportProjections.WithClock(r, now) with { Reporter = reporters.GetValueOrDefault(r.Id) }).ToList();
    }
}
