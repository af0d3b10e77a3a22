using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Staff.Dashboard;

/// <summary>
/// The summary's figures, one SQL statement each, all over the same scope of issues. Times come
/// from the issues' history: an issue is triaged at its first transition out of Received, and
/// resolved at its first transition to Resolved (a reopened issue keeps its first resolution, so
/// a reopen does not make the earlier work disappear from the figures).
/// </summary>
public sealed class AnalyticsQueries(CivicDbContext db, IOptions<CityOptions> city)
{
    // Every first-time lookup goes through the lateral subquery per issue, which the partial index
    // ix_issue_events_issue_id_to_status_occurred_at (partial: transitions only) answers.
    private const string FirstTriage = """
        CROSS JOIN LATERAL (SELECT min(e.occurred_at) AS at FROM issue_events e
                            WHERE e.issue_id = i.id AND e.kind = 'transition' AND e.from_status = 'Received' AND e.to_status <> 'Received') t
        """;

    private const string FirstResolution = """
        CROSS JOIN LATERAL (SELECT min(e.occurred_at) AS at FROM issue_events e
                            WHERE e.issue_id = i.id AND e.kind = 'transition' AND e.to_status = 'Resolved') t
        """;

    /// <summary>Each query's name and SQL for a scope (the plan test explains every one of them).</summary>
    public static IReadOnlyList<(string Name, string Sql)> All(AnalyticsScope scope) =>
    [
        ("byStatus", ByStatus(scope)),
        ("byCategory", ByCategory(scope)),
        ("byWard", ByWard(scope)),
        ("byDay", ByDay(scope)),
        ("timeToTriage", TimeTo(scope, FirstTriage)),
        ("timeToResolve", TimeTo(scope, FirstResolution)),
        ("sla", Sla(scope)),
        ("escalations", Escalations(scope)),
        ("satisfaction", Satisfaction(scope)),
    ];

    /// <summary>The department whose code is <paramref name="code"/> (as tokens carry it: <c>roads</c> for ROADS), or null.</summary>
    public async Task<(int Id, string Code)?> FindDepartmentAsync(string code, CancellationToken cancellationToken)
    {
        var exact = code.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var owner = await db.Departments.AsNoTracking().Where(d => EF.Functions.ILike(d.Code, exact)).Select(d => new { d.Id, d.Code }).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.Id, owner.Code);
    }

    public async Task<AnalyticsSummary> SummarizeAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var byStatus = await db.Database.SqlQueryRaw<Tally>(ByStatus(scope), scope.Parameters()).ToListAsync(cancellationToken);
        var byCategory = await db.Database.SqlQueryRaw<Tally>(ByCategory(scope), scope.Parameters()).ToListAsync(cancellationToken);
        var byWard = await db.Database.SqlQueryRaw<Tally>(ByWard(scope), scope.Parameters()).ToListAsync(cancellationToken);
        var byDay = await db.Database.SqlQueryRaw<DayTally>(ByDay(scope), [.. scope.Parameters(), new NpgsqlParameter("zone", city.Value.TimeZone)]).ToListAsync(cancellationToken);
        var triage = await db.Database.SqlQueryRaw<MedianRow>(TimeTo(scope, FirstTriage), scope.Parameters()).SingleAsync(cancellationToken);
        var resolve = await db.Database.SqlQueryRaw<MedianRow>(TimeTo(scope, FirstResolution), scope.Parameters()).SingleAsync(cancellationToken);
        var sla = await db.Database.SqlQueryRaw<SlaRow>(Sla(scope), scope.Parameters()).SingleAsync(cancellationToken);
        var escalations = await db.Database.SqlQueryRaw<EscalationFigures>(Escalations(scope), scope.Parameters()).SingleAsync(cancellationToken);
        var scores = await db.Database.SqlQueryRaw<ScoreRow>(Satisfaction(scope), scope.Parameters()).ToListAsync(cancellationToken);

        return new AnalyticsSummary(
            new SummaryScope(scope.From, scope.To, scope.DepartmentCode),
            byStatus.Sum(s => s.Count),
            byStatus,
            byCategory,
            byWard,
            byDay,
            new DurationFigure(triage.Issues, Hours(triage.MedianSeconds)),
            new DurationFigure(resolve.Issues, Hours(resolve.MedianSeconds)),
            new SlaFigure(sla.Resolved, sla.OnTime, sla.Resolved == 0 ? null : Math.Round(100.0 * sla.OnTime / sla.Resolved, 1)),
            escalations,
            SatisfactionFigure.From(scores));
    }

    private static double? Hours(double? seconds) => seconds is { } s ? Math.Round(s / 3600, 2) : null;

    private static string ByStatus(AnalyticsScope scope) => $"""
        SELECT i.status AS code, count(*)::int AS count
        FROM issues i
        {scope.Where}
        GROUP BY i.status
        ORDER BY count DESC, code
        """;

    private static string ByCategory(AnalyticsScope scope) => $"""
        SELECT c.code AS code, count(*)::int AS count
        FROM issues i JOIN service_categories c ON c.id = i.category_id
        {scope.Where}
        GROUP BY c.code
        ORDER BY count DESC, code
        """;

    /// <remarks>Issues outside every ward (no location yet) are counted under a null code.</remarks>
    private static string ByWard(AnalyticsScope scope) => $"""
        SELECT w.code AS code, count(*)::int AS count
        FROM issues i LEFT JOIN wards w ON w.id = i.ward_id
        {scope.Where}
        GROUP BY w.code
        ORDER BY count DESC, code NULLS LAST
        """;

    /// <remarks>Days are the city's calendar days (<c>City:TimeZone</c>), not UTC ones: a report at 20:00 in Calgary is that day's.</remarks>
    private static string ByDay(AnalyticsScope scope) => $"""
        SELECT (i.created_at AT TIME ZONE @zone)::date AS day, c.code AS code, count(*)::int AS count
        FROM issues i JOIN service_categories c ON c.id = i.category_id
        {scope.Where}
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    private static string TimeTo(AnalyticsScope scope, string firstTime) => $"""
        SELECT count(*)::int AS issues,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - i.created_at)::float8) AS median_seconds
        FROM issues i
        {firstTime}
        {scope.Where} AND t.at IS NOT NULL
        """;

    /// <remarks>Only resolved issues that had a deadline count; resolving exactly at the deadline is on time.</remarks>
    private static string Sla(AnalyticsScope scope) => $"""
        SELECT count(*)::int AS resolved, (count(*) FILTER (WHERE t.at <= i.deadline))::int AS on_time
        FROM issues i
        {FirstResolution}
        {scope.Where} AND t.at IS NOT NULL AND i.deadline IS NOT NULL
        """;

    private static string Escalations(AnalyticsScope scope) => $"""
        SELECT count(*)::int AS escalated_issues, coalesce(sum(x.events), 0)::int AS escalation_events
        FROM issues i
        CROSS JOIN LATERAL (SELECT count(*) AS events FROM issue_events e WHERE e.issue_id = i.id AND e.actor = 'escalation') x
        {scope.Where} AND i.escalation_level > 0
        """;

    private static string Satisfaction(AnalyticsScope scope) => $"""
        SELECT i.satisfaction AS score, count(*)::int AS count
        FROM issues i
        {scope.Where} AND i.satisfaction IS NOT NULL
        GROUP BY i.satisfaction
        ORDER BY score
        """;

    private sealed record MedianRow(int Issues, double? MedianSeconds);

    private sealed record SlaRow(int Resolved, int OnTime);

    internal sealed record ScoreRow(int Score, int Count);
}
