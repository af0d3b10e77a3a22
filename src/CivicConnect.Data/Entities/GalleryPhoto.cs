namespace CivicConnect.Data.Entities;

/// <summary>
/// A labelled photo a supervisor added to the classifier's gallery: its ResNet18 features and the
/// category it shows. Rows are never edited; which of them count is decided by the published
/// classifier version (its snapshot lists their ids), so a rollback brings old photos back.
/// </summary>
public sealed class GalleryPhoto
{
    public long Id { get; set; }

    public required string CategoryCode { get; set; }

    /// <summary>Unit-length image features (PostgreSQL <c>real[]</c>).</summary>
    public required float[] Features { get; set; }

    /// <summary>The stored copy (EXIF stripped), relative to the media root.</summary>
    public required string StoredPath { get; set; }

    public string? ThumbnailPath { get; set; }

    /// <summary>SHA-256 of the stored copy: the same file uploaded twice is recognised.</summary>
    public required string Sha256 { get; set; }

    public string? Note { get; set; }

    public required string AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
