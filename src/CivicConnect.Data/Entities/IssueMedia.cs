namespace CivicConnect.Data.Entities;

public sealed class IssueMedia
{
    public long Id { get; set; }

    public long IssueId { get; set; }

    /// <summary>Path relative to the configured media root.</summary>
    public required string StoredPath { get; set; }

    public required string ContentType { get; set; }

    public string? ThumbnailPath { get; set; }

    public bool ExifStripped { get; set; }

    public long SizeBytes { get; set; }

    public string? Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
