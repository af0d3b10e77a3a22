using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// The queue's counts from the lifecycle's own tally (<see cref="IssueStatusCount"/>, kept by triggers on
/// <c>issues</c> in the transaction of every write) instead of reading every report: with 100,000 reports,
/// a few dozen rows instead of two scans of 100,000 index entries per page load (issue 15). It answers the
/// filters the tally knows — department, status and past-deadline — for readers whose scope is departments (supervisors,
/// staff, triage); field workers' scope names people, so their counts are taken from the reports.
/// </summary>
internal static class StatusCounter
{
    public static bool CanAnswer(ReportFilter filter, ReportViewer viewer)
    {
        var rule = ReportScope.RuleFor(viewer);
        return filter.NarrowsOnlyByDepartmentStatusAndDeadline && rule.Assignees.Count == 0 && rule.Crew is null;
    }

    /// <summary>
    /// <see cref="ReadAsync"/>, then the filter's past-deadline choice: past it (<c>slaBreached=true</c>) is each
    /// status's past-deadline count, not past it is the rest.
    /// </summary>
    public static async Task<IReadOnlyList<StatusTally>> ReadFilteredAsync(CivicDbContext db, ReportFilter filter, ReportViewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tallies = await ReadAsync(db, filter, viewer, now, cancellationToken);
        return filter.SlaBreached switch
        {
            true => [.. tallies.Where(t => t.PastDeadline != 0).Select(t => t with { Reports = t.PastDeadline })],
            false => [.. tallies.Where(t => t.Reports != t.PastDeadline).Select(t => t with { Reports = t.Reports - t.PastDeadline, PastDeadline = 0 })],
            null => tallies,
        };
    }

    /// <summary>
    /// Per status in the filter's department (if any) and the reader's scope: how many, and how many are past
    /// their deadline — for an open status, those with a deadline less those still due, which the partial index
    /// of open reports by deadline (<c>ix_issues_open_by_deadline</c>) gives; both in one statement, one snapshot.
    /// </summary>
    private static async Task<IReadOnlyList<StatusTally>> ReadAsync(CivicDbContext db, ReportFilter filter, ReportViewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var department = string.IsNullOrWhiteSpace(filter.Department) ? null : filter.Department;
        string Narrowed(string alias) =>
            $"{ReportScope.Sql(viewer, alias)}"
            + (department is null ? string.Empty : $" AND {alias}.department_id IN (SELECT d.id FROM departments d WHERE d.code = @department)");

        var sql = $"""
            SELECT c.status,
                   sum(c.reports)::int AS reports,
                   CASE WHEN {IssueStatuses.OpenCondition("c")}
                        THEN (coalesce(sum(c.reports) FILTER (WHERE c.has_deadline), 0) - coalesce(max(due.still_due), 0))::int
                        ELSE 0 END AS past_deadline
            FROM issue_status_counts c
            LEFT JOIN (
                SELECT i.status, count(*) AS still_due
                FROM issues i
                WHERE {IssueStatuses.OpenCondition("i")} AND i.deadline >= @now AND {Narrowed("i")}
                GROUP BY i.status
            ) due ON due.status = c.status
            WHERE {Narrowed("c")}
            GROUP BY c.status
            HAVING sum(c.reports) <> 0
            """;
        var parameters = new List<NpgsqlParameter>(ReportScope.Parameters(viewer)) { new("now", now) };
        if (department is not null)
        {
            parameters.Add(new NpgsqlParameter("department", department));
        }

        return await db.Database.SqlQueryRaw<StatusTally>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }
}

/// <summary>One status's line of <see cref="StatusCounter.ReadFilteredAsync"/>.</summary>
internal sealed record StatusTally(string Status, int Reports, int PastDeadline);
