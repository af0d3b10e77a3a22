namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// The vectors of the texts embedded most recently, so a text is embedded once however many parts of
/// a turn ask for it: the classifier, the few-shot retrieval of the LLM prompt and the duplicate
/// ranking all embed the same description (issue 15: about seven MiniLM passes per report turn).
/// A vector depends only on its text, so a remembered one is the answer the model would give again.
/// Bounded: two generations of at most <see cref="Generation"/> texts each; a text used again is
/// kept in the newer one, the older one is dropped whole when the newer fills.
/// The vectors handed out are shared: callers must not change them (none does).
/// </summary>
public sealed class RecentTextEmbeddings(ITextEmbedder inner) : ITextEmbedder
{
    /// <summary>About 2,048 × 1.6 KB ≈ 3 MB per generation.</summary>
    public const int Generation = 2048;

    private readonly Lock gate = new();
    private Dictionary<string, float[]> newer = new(StringComparer.Ordinal);
    private Dictionary<string, float[]> older = new(StringComparer.Ordinal);

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new float[texts.Count][];
        var missing = new List<string>();
        lock (gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (TryRecall(texts[i]) is { } known)
                {
                    results[i] = known;
                }
                else
                {
                    missing.Add(texts[i]);
                }
            }
        }

        if (missing.Count == 0)
        {
            return results;
        }

        // Outside the lock: the model is the slow part, and other turns may embed meanwhile.
        var distinct = missing.Distinct(StringComparer.Ordinal).ToList();
        var fresh = inner.Embed(distinct, cancellationToken);
        var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
        lock (gate)
        {
            for (var i = 0; i < distinct.Count; i++)
            {
                byText[distinct[i]] = fresh[i];
                Remember(distinct[i], fresh[i]);
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            results[i] ??= byText[texts[i]];
        }

        return results;
    }

    private float[]? TryRecall(string text)
    {
        if (newer.TryGetValue(text, out var vector))
        {
            return vector;
        }

        if (older.TryGetValue(text, out vector))
        {
            Remember(text, vector);
            return vector;
        }

        return null;
    }

    private void Remember(string text, float[] vector)
    {
        if (newer.Count >= Generation)
        {
            older = newer;
            newer = new Dictionary<string, float[]>(StringComparer.Ordinal);
        }

        newer[text] = vector;
    }
}
