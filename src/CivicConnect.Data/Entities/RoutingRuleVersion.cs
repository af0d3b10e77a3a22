namespace CivicConnect.Data.Entities;

/// <summary>
/// One published version of the routing rules (a JSON document). Versions are only ever added:
/// publishing and rolling back both write a new version, and the highest one is in force.
/// </summary>
public sealed class RoutingRuleVersion
{
    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>The rule set as JSON (jsonb), the same shape as <c>deploy/routing-rules.json</c>.</summary>
    public required string Document { get; set; }

    public required string CreatedBy { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
