using CivicConnect.Geo.Duplicates;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Server.Composition;

/// <summary>
/// Geo's description-similarity port answered by the sentence embedder: the cosine of the
/// MiniLM vectors of the new report and each nearby one. Lives in the composition root so Geo
/// never references Intelligence.
/// </summary>
internal sealed class EmbeddingDescriptionSimilarity(ITextEmbedder embedder) : IDescriptionSimilarity
{
    public Task<IReadOnlyList<double>> ScoreAsync(string description, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        // One batch: the new description first, then every candidate.
        var vectors = embedder.Embed([description, .. candidates], cancellationToken);
        IReadOnlyList<double> scores = vectors.Skip(1).Select(v => (double)Vectors.Cosine(vectors[0], v)).ToList();
        return Task.FromResult(scores);
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
