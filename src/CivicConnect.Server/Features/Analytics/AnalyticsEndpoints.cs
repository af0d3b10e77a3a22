using CivicConnect.Core.Security;
using CivicConnect.Data;
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
    /// (its code): counts by status, category and ward, median hours to triage and to resolve, SLA
    /// compliance, escalations and satisfaction answers.
    /// </summary>
    public static async Task<Ok<AnalyticsSummary>> GetSummary(string? from, string? to, string? department, CivicDbContext db, CancellationToken cancellationToken)
    {
        var scope = await AnalyticsScope.ParseAsync(from, to, department, db, cancellationToken);
        return TypedResults.Ok(await AnalyticsQueries.SummarizeAsync(db, scope, cancellationToken));
    }
}
