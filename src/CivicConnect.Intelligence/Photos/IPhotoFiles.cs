namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// Reads a stored photo by the path the media store gave it (relative to its root). The media
/// store lives with the channels; this port lets the classifier read photos without knowing where.
/// </summary>
public interface IPhotoFiles
{
    /// <returns>The bytes, or null when there is no such stored photo.</returns>
    Task<byte[]?> ReadAsync(string storedPath, CancellationToken cancellationToken);
}
