using System.Globalization;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Staff.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Analytics;

/// <summary>Figures for the city's dashboards: how many, how fast, how often late, how satisfied.</summary>
internal static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        // Office staff and supervisors: field workers work single issues, not the department's figures.
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(CivicPolicies.Office);
        group.MapGet("/summary", GetSummary).WithName("GetAnalyticsSummary");
        return group;
    }

    /// <summary>
    /// Issues reported in <c>[from, to)</c> (ISO 8601; both optional), optionally of one department
    /// (its code): counts by status, category, ward and day, median hours to triage and to resolve,
    /// SLA compliance, escalations and satisfaction answers. The console's dashboard shows the same
    /// figures from the same <see cref="AnalyticsQueries"/>.
    /// </summary>
    public static async Task<Ok<AnalyticsSummary>> GetSummary(string? from, string? to, string? department, AnalyticsQueries analytics, CancellationToken cancellationToken)
    {
        var scope = await ParseAsync(from, to, department, analytics, cancellationToken);
        return TypedResults.Ok(await analytics.SummarizeAsync(scope, cancellationToken));
    }

    /// <summary>Reads <c>from</c>, <c>to</c> and <c>department</c>; every problem is reported at once as a 400.</summary>
    private static async Task<AnalyticsScope> ParseAsync(string? from, string? to, string? department, AnalyticsQueries analytics, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseInstant(from, "from", errors);
        var end = ParseInstant(to, "to", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        (int Id, string Code)? owner = null;
        if (department is not null)
        {
            owner = await analytics.FindDepartmentAsync(department, cancellationToken);
            if (owner is null)
            {
                errors["department"] = [$"No department has the code '{(department.Length <= 64 ? department : department[..64] + "…")}'."];
            }
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : new AnalyticsScope(start, end, owner?.Id, owner?.Code);
    }

    private static DateTimeOffset? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        // A date alone is midnight UTC, as in /api/issues; `to` is exclusive.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors[field] = ["must be an ISO 8601 date or date and time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z"];
        return null;
    }
}
