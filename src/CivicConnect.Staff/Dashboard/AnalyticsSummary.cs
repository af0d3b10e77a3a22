using System.Globalization;

namespace CivicConnect.Staff.Dashboard;

/// <summary>The answer of <c>GET /api/analytics/summary</c> and the console's dashboard.</summary>
/// <param name="Total">Issues reported in the scope.</param>
public sealed record AnalyticsSummary(
    SummaryScope Scope,
    int Total,
    IReadOnlyList<Tally> ByStatus,
    IReadOnlyList<Tally> ByCategory,
    IReadOnlyList<Tally> ByWard,
    IReadOnlyList<DayTally> ByDay,
    DurationFigure TimeToTriage,
    DurationFigure TimeToResolve,
    SlaFigure Sla,
    EscalationFigures Escalations,
    SatisfactionFigure Satisfaction);

/// <param name="To">Exclusive.</param>
public sealed record SummaryScope(DateTimeOffset? From, DateTimeOffset? To, string? Department);

/// <param name="Code">A status name, category code or ward code (null: issues in no ward).</param>
public sealed record Tally(string? Code, int Count);

/// <summary>Reports of one category on one of the city's calendar days.</summary>
public sealed record DayTally(DateOnly Day, string Code, int Count);

/// <param name="Issues">How many issues the median is taken over.</param>
/// <param name="MedianHours">Null when there are none.</param>
public sealed record DurationFigure(int Issues, double? MedianHours);

/// <param name="Resolved">Resolved issues that had a deadline.</param>
/// <param name="OnTime">Of those, resolved at or before it.</param>
/// <param name="CompliancePercent">OnTime / Resolved in percent, one decimal; null when nothing was resolved.</param>
public sealed record SlaFigure(int Resolved, int OnTime, double? CompliancePercent);

/// <param name="EscalatedIssues">Issues whose escalation level is above 0.</param>
/// <param name="EscalationEvents">Escalations recorded in those issues' history (an issue may escalate several times).</param>
public sealed record EscalationFigures(int EscalatedIssues, int EscalationEvents);

/// <param name="Distribution">Answers per score, "1" to "5", every score present.</param>
public sealed record SatisfactionFigure(int Count, double? Mean, IReadOnlyDictionary<string, int> Distribution)
{
    internal static SatisfactionFigure From(IReadOnlyList<AnalyticsQueries.ScoreRow> rows)
    {
        var distribution = Enumerable.Range(1, 5).ToDictionary(
            s => s.ToString(CultureInfo.InvariantCulture),
            s => rows.Where(r => r.Score == s).Sum(r => r.Count));
        var count = rows.Sum(r => r.Count);
        double? mean = count == 0 ? null : Math.Round((double)rows.Sum(r => r.Score * r.Count) / count, 2);
        return new SatisfactionFigure(count, mean, distribution);
    }
}
