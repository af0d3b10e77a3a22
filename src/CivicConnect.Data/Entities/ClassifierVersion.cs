namespace CivicConnect.Data.Entities;

/// <summary>
/// One version of the classifier's definition (category descriptions, labelled examples, gallery
/// photos, prompt template). Every supervisor change adds a row; rows are never rewritten except
/// for their <see cref="State"/>. Exactly one row is <see cref="ClassifierVersionState.Published"/>.
/// </summary>
public sealed class ClassifierVersion
{
    /// <summary>The version number supervisors see (1, 2, 3 …).</summary>
    public int Id { get; set; }

    public ClassifierVersionState State { get; set; }

    /// <summary>The version this one was made from (null for the first, imported from prompts/).</summary>
    public int? BasedOnId { get; set; }

    /// <summary>What changed, in words ("added 3 examples to pothole").</summary>
    public required string Change { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Why the supervisor published although the publish gate found a regression; null when none was needed.</summary>
    public string? PublishReason { get; set; }

    /// <summary>Macro-F1 of the version it replaced, on the gate's labelled set, when it was published through the gate.</summary>
    public double? GateBaselineMacroF1 { get; set; }

    /// <summary>This version's macro-F1 on the same set at the same moment.</summary>
    public double? GateMacroF1 { get; set; }

    /// <summary>The whole definition as JSON (jsonb), so any version can be served, compared or restored alone.</summary>
    public required string Snapshot { get; set; }
}

public enum ClassifierVersionState
{
    Draft,
    Published,
    Archived,
}
