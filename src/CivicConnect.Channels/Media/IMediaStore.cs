using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.Media;

/// <summary>
/// Keeps the photos citizens send. Only images get in (decided by their bytes, not their name);
/// location metadata is read first and then removed from the stored copy, because a photo's EXIF
/// can reveal where someone lives long after the report is closed.
/// </summary>
public interface IMediaStore
{
    /// <exception cref="MediaRejectedException">Not an image we accept, or too large.</exception>
    Task<StoredMedia> SaveImageAsync(Stream content, string? fileName, CancellationToken cancellationToken);

    /// <summary>The photo behind a stored path (the caller disposes its content), or null for anything that is not a stored photo (including traversal attempts).</summary>
    Task<StoredFile?> OpenAsync(string path, CancellationToken cancellationToken);

    /// <summary>A stored photo's bytes, or null as for <see cref="OpenAsync"/>.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    Task DeleteAsync(StoredMedia media, CancellationToken cancellationToken);
}

/// <param name="Path">Relative to the media root, '/'-separated; served at <c>/media/{Path}</c>.</param>
/// <param name="ThumbnailPath">Null when no thumbnail could be made (HEIC: no decoder here).</param>
/// <param name="ExifLocation">GPS position from the original's EXIF, if it had one.</param>
public sealed record StoredMedia(string Path, string? ThumbnailPath, string ContentType, long SizeBytes, GeoLocation? ExifLocation, string? OriginalName)
{
    /// <summary>The stored photo a message's attachment points at (what deleting it needs), or null for one still at the provider.</summary>
    public static StoredMedia? Of(ActivityAttachment attachment) =>
        attachment.StoredPath is { } path ? new StoredMedia(path, attachment.ThumbnailPath, attachment.ContentType, attachment.SizeBytes, null, null) : null;
}

public sealed record StoredFile(Stream Content, string ContentType);

public enum MediaRejection
{
    NotAnImage,

    /// <summary>More bytes than a photo may have.</summary>
    TooLarge,

    /// <summary>More pixels than may be decoded (a small file can still be a huge picture).</summary>
    TooManyPixels,
}

public sealed class MediaRejectedException(MediaRejection reason, string message) : Exception(message)
{
    public MediaRejection Reason { get; } = reason;
}
