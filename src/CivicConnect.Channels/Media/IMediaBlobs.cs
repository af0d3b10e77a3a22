namespace CivicConnect.Channels.Media;

/// <summary>
/// The bytes of stored photos, by their stored path ("yyyy/MM/dd/name.ext"). Only storage: what may
/// be stored and under which path is decided by <see cref="MediaStore"/>, which checks every path
/// before it gets here.
/// </summary>
public interface IMediaBlobs
{
    /// <summary>Writes the whole object; a reader never sees half of it.</summary>
    Task WriteAsync(string path, byte[] bytes, string contentType, CancellationToken cancellationToken);

    /// <summary>The object's content (the caller disposes it), or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Removes the object; nothing happens when there is none.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
