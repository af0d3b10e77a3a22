namespace CivicConnect.Geo.Duplicates;

/// <summary>
/// How alike two reports' wording is. Geo defines the port and knows no model; the composition
/// plugs in sentence embeddings. Without one, duplicates are ranked by distance and age alone.
/// </summary>
public interface IDescriptionSimilarity
{
    /// <summary>One score per candidate, from -1 (opposite) through 0 (unrelated) to 1 (the same words).</summary>
    Task<IReadOnlyList<double>> ScoreAsync(string description, IReadOnlyList<string> candidates, CancellationToken cancellationToken);
}
