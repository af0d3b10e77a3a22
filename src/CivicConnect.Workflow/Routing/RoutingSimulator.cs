using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Routing;

/// <summary>
/// Replays the last N reports through the published rules and through a draft, and lists those the
/// draft would route differently (department, priority or SLA) — before anyone publishes it.
/// Each report goes in with its current priority and its original time of day.
/// </summary>
public sealed class RoutingSimulator(CivicDbContext db, RoutingRuleStore store, IssueRouter router)
{
    public async Task<RoutingSimulation> SimulateAsync(RoutingRuleSet draft, int last, CancellationToken cancellationToken)
    {
        var published = await store.CurrentAsync(cancellationToken);
        var issues = await db.Issues.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(last)
            .Select(i => new
            {
                i.ReferenceNumber,
                Category = i.Category!.Code,
                CategoryDepartment = i.Category.Department!.Code,
                i.Category.SlaHours,
                i.Priority,
                Ward = i.Ward == null ? null : i.Ward.Code,
                i.Description,
                i.CreatedAt,
            })
            .ToListAsync(cancellationToken);

        var changed = new List<SimulatedIssue>();
        foreach (var issue in issues)
        {
            var now = router.Decide(published.Rules, issue.Category, issue.CategoryDepartment, issue.SlaHours, issue.Priority, issue.Ward, issue.Description, issue.CreatedAt);
            var then = router.Decide(draft, issue.Category, issue.CategoryDepartment, issue.SlaHours, issue.Priority, issue.Ward, issue.Description, issue.CreatedAt);
            if (!Same(now, then))
            {
                changed.Add(new SimulatedIssue(
                    issue.ReferenceNumber,
                    issue.Category,
                    issue.Ward,
                    issue.CreatedAt,
                    Route(published.Rules, now, issue.CreatedAt),
                    Route(draft, then, issue.CreatedAt)));
            }
        }

        return new RoutingSimulation(published.Version, issues.Count, changed.Count, changed);
    }

    private SimulatedRoute Route(RoutingRuleSet rules, RoutingDecision decision, DateTimeOffset at) =>
        new(decision.Rule, decision.Department, decision.Priority, decision.SlaHours, router.Deadline(rules, decision, at));

    private static bool Same(RoutingDecision a, RoutingDecision b) =>
        string.Equals(a.Department, b.Department, StringComparison.OrdinalIgnoreCase) && a.Priority == b.Priority && a.SlaHours.Equals(b.SlaHours);
}

/// <param name="PublishedVersion">The version the draft was compared with.</param>
public sealed record RoutingSimulation(int PublishedVersion, int Considered, int Changed, IReadOnlyList<SimulatedIssue> Issues);

public sealed record SimulatedIssue(int ReferenceNumber, string Category, string? Ward, DateTimeOffset CreatedAt, SimulatedRoute Published, SimulatedRoute Draft);

public sealed record SimulatedRoute(string? Rule, string Department, Priority Priority, double SlaHours, DateTimeOffset Deadline);
