using System.Linq.Expressions;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// A page of the list in one statement: the rows, the reporters' details the reader may see, and — when the lifecycle's
/// counts cannot give the total — the capped count of every match, an uncorrelated subquery PostgreSQL runs once.
/// These were three statements and three round trips (count, page, reporters); under 16 staff clients on 2 cores each
/// round trip waits for a core in the server and again in PostgreSQL (bench/README.md, "The queue page in fewer statements, in index order").
/// </summary>
internal static class ReportPageRows
{
    /// <summary>The page of <paramref name="sorted"/>, and the capped count of <paramref name="counted"/> (null when not asked for).</summary>
    public static async Task<(List<IssueSummary> Rows, int? Counted)> ReadAsync(
        CivicDbContext db,
        IOrderedQueryable<Issue> sorted,
        IQueryable<Issue>? counted,
        ReportFilter filter,
        ReportViewer viewer,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var rows = await sorted
            .Skip((filter.PageNumber - 1) * filter.Size)
            .Take(filter.Size)
            .Select(Projection(db, counted, viewer))
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => ReportProjections.WithClock(r.Summary, now) with { Reporter = r.Reporter?.View() }).ToList();
        if (counted is null)
        {
            return (items, null);
        }

        // No row carries the count when the page is past the last match: then it is counted on its own (a first page
        // with no row has no match at all).
        var total = rows.Count > 0 ? rows[0].Counted
            : filter.PageNumber == 1 ? 0
            : await counted.Take(IssuePage.ExactTotalUpTo + 1).CountAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// <see cref="ReportProjections.Summary"/> with the reporter's columns where <see cref="ReportScope.SeesReporterOf"/> gives
    /// them — every row for supervisors; for staff, their department's rows (decided in SQL: the rows a staff member can see
    /// are their department's, its code spelt as the viewer's, or no department's); nobody else's — and the capped count.
    /// </summary>
    private static Expression<Func<Issue, PageRow>> Projection(CivicDbContext db, IQueryable<Issue>? counted, ReportViewer viewer)
    {
        var issue = Expression.Parameter(typeof(Issue), "i");
        var reporter = viewer.Kind switch
        {
            ViewerKind.Supervisor => ReportProjections.Inline(ReportProjections.Reporter(db), issue),
            ViewerKind.Staff when viewer.Department is { } department => ReportProjections.Inline(ReportProjections.ReporterIn(db, department), issue),
            _ => Expression.Constant(null, typeof(ReporterColumns)),
        };
        var count = counted is null
            ? Expression.Constant(0)
            : ((Expression<Func<int>>)(() => counted.Take(IssuePage.ExactTotalUpTo + 1).Count())).Body;
        var summary = ReportProjections.Inline(ReportProjections.Summary, issue);
        return Expression.Lambda<Func<Issue, PageRow>>(Expression.New(PageRowConstructor, summary, reporter, count), issue);
    }

    private static readonly System.Reflection.ConstructorInfo PageRowConstructor = typeof(PageRow).GetConstructors().Single();
}

/// <param name="Counted">The capped count of every match, the same on each row (0 when not asked for).</param>
internal sealed record PageRow(IssueSummary Summary, ReporterColumns? Reporter, int Counted);
