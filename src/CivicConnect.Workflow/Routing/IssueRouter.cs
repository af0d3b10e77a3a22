using CivicConnect.Core.Hosting;
using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Routing;

/// <summary>Applies the published rules to a new report: department, priority, and the deadline counted in the department's working hours.</summary>
public sealed class IssueRouter(CivicDbContext db, RoutingRuleStore store, IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public async Task<RoutedIssue> RouteAsync(ServiceCategory category, string? wardCode, Priority priority, string description, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await store.CurrentAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken);
        var categoryDepartment = departments.First(d => d.Id == category.DepartmentId).Code;
        var decision = Decide(published.Rules, category.Code, categoryDepartment, category.SlaHours, priority, wardCode, description, now);
        var department = departments.FirstOrDefault(d => string.Equals(d.Code, decision.Department, StringComparison.OrdinalIgnoreCase))
            ?? departments.First(d => d.Id == category.DepartmentId);
        return new RoutedIssue(decision, published.Version, department.Id, department.Code, Deadline(published.Rules, decision, now));
    }

    public RoutingDecision Decide(RoutingRuleSet rules, string categoryCode, string categoryDepartment, double categorySlaHours, Priority priority, string? wardCode, string description, DateTimeOffset at) =>
        RoutingEngine.Route(rules, new RoutingInput(categoryCode, categoryDepartment, priority, categorySlaHours, wardCode, description, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime)));

    /// <summary>Urgent reports count the clock around the clock; the rest count the department's working hours when it has them.</summary>
    public DateTimeOffset Deadline(RoutingRuleSet rules, RoutingDecision decision, DateTimeOffset from) =>
        BusinessClock.AddWorkingHours(
            from,
            decision.SlaHours,
            decision.Priority == Priority.Urgent ? null : rules.BusinessHours.GetValueOrDefault(decision.Department),
            zone);
}

/// <param name="RulesVersion">The rules version that decided, recorded in the issue's history.</param>
public sealed record RoutedIssue(RoutingDecision Decision, int RulesVersion, int DepartmentId, string DepartmentCode, DateTimeOffset Deadline);
