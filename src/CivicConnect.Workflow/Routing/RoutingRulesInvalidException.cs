namespace CivicConnect.Workflow.Routing;

/// <summary>A rule set (or a simulation request) that cannot be used as given; each problem keyed by its JSON path.</summary>
public sealed class RoutingRulesInvalidException(IDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RoutingRulesInvalidException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
