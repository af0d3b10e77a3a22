using CivicConnect.Core.Text;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The words that make any report urgent, whatever its category ("live wire", "blocking
/// traffic", "enfant"), gathered from every category's urgent phrases in every locale. The
/// embedding half of urgency (neighbours labelled urgent) lives in the model.
/// </summary>
internal sealed class UrgencyCues(ClassifierDefinition definition)
{
    /// <summary>How many nearest examples vote on urgency, and how close the nearest must be.</summary>
    public const int Neighbours = 5;
    public const float MinimumSimilarity = 0.55f;

    private readonly string[] phrases = definition.Categories
        .SelectMany(c => c.UrgentPhrases.Values.SelectMany(p => p))
        .Select(TextNormalizer.Normalize)
        .Where(p => p.Length > 2)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public bool Matches(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return phrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }
}
