using CivicConnect.Intelligence.Photos;

namespace CivicConnect.Channels.Media;

/// <summary>Lets the classifier read citizens' stored photos (the EXIF-free copies) by their stored path.</summary>
internal sealed class MediaPhotoFiles(IMediaStore store) : IPhotoFiles
{
    public async Task<byte[]?> ReadAsync(string storedPath, CancellationToken cancellationToken) =>
        store.Open(storedPath) is { } file ? await File.ReadAllBytesAsync(file.FullPath, cancellationToken) : null;
}
