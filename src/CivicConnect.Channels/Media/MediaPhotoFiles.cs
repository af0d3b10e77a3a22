using CivicConnect.Intelligence.Photos;

namespace CivicConnect.Channels.Media;

/// <summary>Lets the classifier read citizens' stored photos (the EXIF-free copies) by their stored path.</summary>
internal sealed class MediaPhotoFiles(IMediaStore store) : IPhotoFiles
{
    public Task<byte[]?> ReadAsync(string storedPath, CancellationToken cancellationToken) =>
        store.ReadAsync(storedPath, cancellationToken);
}
