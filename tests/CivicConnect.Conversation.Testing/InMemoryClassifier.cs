using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Testing;

/// <summary>
/// A classifier whose answers are written down: the categories whose keywords the text contains
/// (one → that category, sure; several → unsure, all offered; none → nothing), the first known
/// place phrase in the text as its place words, and Urgent when an urgent word is there.
/// </summary>
public sealed class InMemoryClassifier : IReportClassifier
{
    private readonly List<(string Code, string[] Keywords)> categories = [];
    private readonly List<string> placePhrases = [];
    private readonly List<string> urgentWords = [];

    /// <summary>Confidence when exactly one category matches; below it, the dialog's threshold offers choices.</summary>
    public double SureConfidence { get; init; } = 0.9;

    public double UnsureConfidence { get; init; } = 0.4;

    public InMemoryClassifier Category(string code, params string[] keywords)
    {
        categories.Add((code, keywords));
        return this;
    }

    public InMemoryClassifier PlaceWords(params string[] phrases)
    {
        placePhrases.AddRange(phrases);
        return this;
    }

    public InMemoryClassifier Urgent(params string[] words)
    {
        urgentWords.AddRange(words);
        return this;
    }

    public Task<ReportClassification> ClassifyAsync(string? text, string locale, IReadOnlyList<string> photoPaths, Guid conversationId, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(text);
        var matching = categories.Where(c => c.Keywords.Any(k => TextNormalizer.ContainsPhrase(normalized, k))).Select(c => c.Code).ToList();
        var place = placePhrases.FirstOrDefault(p => TextNormalizer.ContainsPhrase(normalized, p));
        Priority? priority = urgentWords.Any(w => TextNormalizer.ContainsPhrase(normalized, w)) ? Priority.Urgent : null;
        var result = matching.Count switch
        {
            0 => new ReportClassification(null, 0, [], priority, place),
            1 => new ReportClassification(matching[0], SureConfidence, matching, priority, place),
            _ => new ReportClassification(matching[0], UnsureConfidence, matching, priority, place),
        };
        return Task.FromResult(result);
    }
}
