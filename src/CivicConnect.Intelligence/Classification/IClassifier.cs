using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Intelligence.Classification;

/// <summary>Turns what a citizen wrote (and sent) into a service category with a confidence.</summary>
public interface IClassifier
{
    Task<Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken);
}

/// <param name="ConversationId">The citizen's conversation when a turn asks (budgets per conversation); null for evaluations and tools.</param>
public sealed record ClassificationInput(string? Text, string Locale, IReadOnlyList<string> PhotoPaths, Guid? ConversationId = null);

/// <param name="Confidence">0..1; the dialog asks the citizen to choose when it is below its threshold.</param>
/// <param name="Candidates">Best first, including the winner; used to offer choices.</param>
/// <param name="LocationText">Place words found in the text ("17 Ave SW at 4 St"), if any.</param>
public sealed record Classification(
    string? CategoryCode,
    double Confidence,
    IReadOnlyList<CategoryScore> Candidates,
    Priority? Priority,
    string? LocationText);

public sealed record CategoryScore(string Code, double Score);
