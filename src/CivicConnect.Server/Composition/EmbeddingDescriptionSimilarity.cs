using CivicConnect.Geo.Duplicates;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Server.Composition;

/// <summary>
/// Geo's description-similarity port answered by the sentence embedder: the cosine of the
/// MiniLM vectors of the new report and each nearby one. A candidate's stored vector is used as
/// it is; only candidates without one are embedded (issue 15: up to six MiniLM passes per ranking
/// before). The new report's own text comes from the embedder's recent vectors when the classifier
/// has just embedded it. Lives in the composition root so Geo never references Intelligence.
/// </summary>
internal sealed class EmbeddingDescriptionSimilarity(ITextEmbedder embedder) : IDescriptionSimilarity
{
    public Task<DescriptionScores> ScoreAsync(string description, IReadOnlyList<ComparedDescription> candidates, CancellationToken cancellationToken)
    {
        var missing = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].Vector?.Length != embedder.Dimensions).ToList();

        // One call: the new description first, then every candidate without a usable vector.
        var vectors = embedder.Embed([description, .. missing.Select(i => candidates[i].Text)], cancellationToken);
        var computed = new float[]?[candidates.Count];
        for (var k = 0; k < missing.Count; k++)
        {
            computed[missing[k]] = vectors[k + 1];
        }

        IReadOnlyList<double> scores = candidates
            .Select((c, i) => (double)Vectors.Cosine(vectors[0], computed[i] ?? c.Vector!))
            .ToList();
        return Task.FromResult(new DescriptionScores(scores, computed));
    }
}

internal static class DuplicateRankingRegistration
{
    /// <summary>Duplicate candidates are ranked by how alike their descriptions read, with the embedded MiniLM model.</summary>
    public static IHostApplicationBuilder AddDuplicateRanking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDescriptionSimilarity, EmbeddingDescriptionSimilarity>();
        return builder;
    }
}
