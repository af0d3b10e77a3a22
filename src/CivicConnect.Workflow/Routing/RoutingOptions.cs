using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Workflow.Routing;

/// <summary>Section <c>Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>The rules loaded as version 1 into an empty database; relative to the repository root.</summary>
    [Required]
    public string RulesFile { get; set; } = "deploy/routing-rules.json";

    /// <summary>How many recent issues <c>POST /admin/routing/simulate</c> replays at most.</summary>
    [Range(1, 10_000)]
    public int MaxSimulated { get; set; } = 1000;
}
