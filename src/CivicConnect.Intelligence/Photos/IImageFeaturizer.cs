namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// Image features: unit-length vectors whose dot product is the cosine similarity of two pictures.
/// Thread-safe; loaded once.
/// </summary>
public interface IImageFeaturizer
{
    int Dimensions { get; }

    /// <summary>Loads the model now rather than at the first photo (the node's start calls it).</summary>
    /// <exception cref="FileNotFoundException">The model files are not where the build puts them.</exception>
    void LoadModel();

    /// <exception cref="UnreadableImageException">Not a picture that can be decoded here, or too large to decode.</exception>
    float[] Featurize(byte[] image, CancellationToken cancellationToken = default);
}

/// <summary>The bytes are not a decodable picture (corrupt, HEIC, unknown format) or exceed the size limit.</summary>
public sealed class UnreadableImageException(string message, Exception? inner = null) : Exception(message, inner);
