using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.Routing;

/// <summary>What routing needs to know about a report.</summary>
public sealed record RoutingInput(string CategoryCode, string CategoryDepartment, Priority Priority, double CategorySlaHours, string? WardCode, string Description, TimeOnly LocalTime);

/// <param name="Rule">The rule that matched, or null when the default applied.</param>
public sealed record RoutingDecision(string? Rule, string Department, Priority Priority, double SlaHours, IReadOnlyList<string> Alert);
