namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// Sentence embeddings: unit-length vectors whose dot product is the cosine similarity of two
/// texts. Thread-safe; batch where you can (one call for many texts is much cheaper than many calls).
/// </summary>
public interface ITextEmbedder
{
    int Dimensions { get; }

    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
