using CivicConnect.Data.Entities;

namespace CivicConnect.Intelligence.Tuning;

public enum PublishStatus
{
    Published,

    /// <summary>Nothing to publish: no open draft.</summary>
    NoDraft,

    /// <summary>The gate found a regression beyond the margin and no reason was given.</summary>
    Refused,

    /// <summary>Another supervisor changed the draft or published while it was being measured.</summary>
    ChangedMeanwhile,
}

/// <param name="Version">The version now published (only when <see cref="Status"/> is Published).</param>
/// <param name="Gate">What the gate measured (null when there was no draft).</param>
/// <param name="MaxMacroF1Drop">The margin in force.</param>
public sealed record PublishOutcome(PublishStatus Status, ClassifierVersion? Version, VersionComparison? Gate, double MaxMacroF1Drop);
