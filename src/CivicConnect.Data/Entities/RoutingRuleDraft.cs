namespace CivicConnect.Data.Entities;

/// <summary>
/// The routing rules a supervisor is preparing: saved, simulated on recent reports, then published
/// as the next <see cref="RoutingRuleVersion"/>. At most one is open (a unique index on
/// <see cref="Slot"/>); publishing or discarding deletes it.
/// </summary>
public sealed class RoutingRuleDraft
{
    public const int OpenSlot = 1;

    public int Id { get; set; }

    /// <summary>Always <see cref="OpenSlot"/>: the unique index on it keeps a second draft out, whatever two nodes do.</summary>
    public int Slot { get; set; } = OpenSlot;

    /// <summary>The rule set as JSON (jsonb), the shape of <c>deploy/routing-rules.json</c>.</summary>
    public required string Document { get; set; }

    /// <summary>The published version this draft started from.</summary>
    public int BasedOnVersion { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Comment { get; set; }

    /// <summary>When the draft as it stands was last simulated; cleared by every save, required to publish.</summary>
    public DateTimeOffset? SimulatedAt { get; set; }

    public int? SimulatedReports { get; set; }

    public int? SimulatedMoves { get; set; }
}
