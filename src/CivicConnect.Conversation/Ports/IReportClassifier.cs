using CivicConnect.Core.Issues;

namespace CivicConnect.Conversation.Ports;

/// <summary>The engine's view of classification: what a citizen wrote (and the photos they sent) → a service category.</summary>
public interface IReportClassifier
{
    /// <param name="photoPaths">Stored paths of the draft's photos (may be empty).</param>
    /// <param name="conversationId">Whose turn it is: costly classifiers (an LLM) keep a budget per conversation.</param>
    Task<ReportClassification> ClassifyAsync(string? text, string locale, IReadOnlyList<string> photoPaths, Guid conversationId, CancellationToken cancellationToken);
}

/// <param name="Confidence">0..1; the dialog asks the citizen to choose when it is below <c>categoryConfidence</c> in intake.json.</param>
/// <param name="CandidateCodes">Category codes, best first, including the winner; offered as choices when unsure.</param>
/// <param name="LocationText">Place words found in the text ("17 Ave SW at 4 St"), if any.</param>
public sealed record ReportClassification(
    string? CategoryCode,
    double Confidence,
    IReadOnlyList<string> CandidateCodes,
    Priority? Priority,
    string? LocationText);
