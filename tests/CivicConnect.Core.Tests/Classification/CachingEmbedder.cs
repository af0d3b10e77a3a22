using System.Collections.Concurrent;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>Remembers every vector it computed (the shipped examples are a few thousand texts at most).</summary>
internal sealed class CachingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        var fresh = missing.Count == 0 ? [] : inner.Embed(missing, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            vectors[missing[i]] = fresh[i];
        }

        return texts.Select(t => vectors[t]).ToList();
    }
}
