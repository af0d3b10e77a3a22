namespace CivicConnect.Geo.Duplicates;

/// <summary>
/// How alike two reports' wording is. Geo defines the port and knows no model; the composition
/// plugs in sentence embeddings. Without one, duplicates are ranked by distance and age alone.
/// </summary>
public interface IDescriptionSimilarity
{
    /// <summary>
    /// One score per candidate, from -1 (opposite) through 0 (unrelated) to 1 (the same words). A
    /// candidate's <see cref="ComparedDescription.Vector"/>, when given, is used instead of reading its text
    /// again; the answer carries the vectors computed for those that had none, for the caller to keep.
    /// </summary>
    Task<DescriptionScores> ScoreAsync(string description, IReadOnlyList<ComparedDescription> candidates, CancellationToken cancellationToken);
}

/// <param name="Vector">What this similarity computed from <paramref name="Text"/> earlier, or null.</param>
public sealed record ComparedDescription(string Text, float[]? Vector);

/// <param name="Computed">Per candidate: the vector computed now (it had none, or one of another size), else null.</param>
public sealed record DescriptionScores(IReadOnlyList<double> Scores, IReadOnlyList<float[]?> Computed);
