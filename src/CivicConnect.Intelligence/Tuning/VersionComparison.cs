using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>Two versions scored on the same labelled set, side by side, with every message whose answer differs.</summary>
public sealed record VersionComparison(
    int BaselineVersion,
    int CandidateVersion,
    EvaluationReport Baseline,
    EvaluationReport Candidate,
    IReadOnlyList<ChangedAnswer> Changes)
{
    /// <summary>How much macro-F1 the candidate loses (negative when it gains).</summary>
    public double MacroF1Drop => Baseline.MacroF1 - Candidate.MacroF1;
}

/// <param name="Before">The baseline's answer (null: no answer).</param>
/// <param name="After">The candidate's answer.</param>
public sealed record ChangedAnswer(string Text, string Locale, string Labelled, string? Before, string? After)
{
    public bool Fixed => string.Equals(After, Labelled, StringComparison.OrdinalIgnoreCase);

    public bool Broken => string.Equals(Before, Labelled, StringComparison.OrdinalIgnoreCase);
}
