using System.Collections.Concurrent;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The vectors of texts already embedded for a model build, kept for the next build in this
/// process: an example's vector depends only on its text and the (fixed) embedding model.
/// Bounded: past the limit the store starts over rather than grow without end.
/// </summary>
internal sealed class RememberedEmbeddings(ITextEmbedder inner) : ITextEmbedder
{
    private const int Limit = 50_000;
    private static readonly ConcurrentDictionary<string, float[]> Vectors = new(StringComparer.Ordinal);

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !Vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        var fresh = missing.Count == 0 ? [] : inner.Embed(missing, cancellationToken);
        if (Vectors.Count + missing.Count > Limit)
        {
            Vectors.Clear();
        }

        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < missing.Count; i++)
        {
            known[missing[i]] = fresh[i];
            Vectors[missing[i]] = fresh[i];
        }

        return texts.Select(t => known.TryGetValue(t, out var v) ? v : Vectors.TryGetValue(t, out var w) ? w : inner.Embed([t], cancellationToken)[0]).ToList();
    }
}
