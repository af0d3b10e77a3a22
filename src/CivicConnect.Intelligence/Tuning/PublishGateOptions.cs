using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// Section <c>Classifier:PublishGate</c>: publishing a classifier draft measures it against the
/// published version on a labelled set and refuses a regression unless the supervisor says why.
/// </summary>
public sealed class PublishGateOptions
{
    public const string SectionName = "Classifier:PublishGate";

    /// <summary>The largest fall in macro-F1 (0.01 = one point) a draft may show and still publish without a reason.</summary>
    [Range(0.0, 1.0)]
    public double MaxMacroF1Drop { get; set; } = 0.01;

    /// <summary>The labelled CSV the gate measures on, relative to the repository root; empty = the shipped <c>prompts/eval</c> file.</summary>
    public string? EvaluationSet { get; set; }
}
