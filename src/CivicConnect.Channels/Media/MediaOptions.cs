using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.Media;

public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>Where photos are kept: <c>FileSystem</c> (default, one node or a shared volume) or <c>S3</c> (several nodes).</summary>
    public MediaStorageKind Storage { get; set; } = MediaStorageKind.FileSystem;

    /// <summary>Folder for stored photos when <see cref="Storage"/> is FileSystem; relative paths are under the repository root. Default <c>.data/media</c>.</summary>
    [Required]
    public string Root { get; set; } = Path.Combine(".data", "media");

    /// <summary>The object store when <see cref="Storage"/> is S3.</summary>
    public MediaS3Options S3 { get; set; } = new();

    /// <summary>Largest accepted photo, in bytes (default 5 MB).</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Largest accepted photo in pixels (default 16 MP, above any phone camera's default 12 MP).
    /// Checked from the file's header before anything is decoded: a flat 7000×7000 PNG is a few
    /// hundred KB on the wire but about 200 MB once decoded.
    /// </summary>
    [Range(1, 100_000_000)]
    public long MaxImagePixels { get; set; } = 16_000_000;

    /// <summary>
    /// How many photos one node decodes at the same time (default 2); the rest wait their turn. With
    /// <see cref="MaxImagePixels"/> this bounds decoding memory to about count × pixels × 4 bytes,
    /// whatever number of uploads and MMS images arrive together.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>
    /// Largest single buffer the image library may allocate while decoding, in MB (default 128): a
    /// second fence for a file whose header understates what decoding it takes.
    /// </summary>
    [Range(8, 4_096)]
    public int DecodeAllocationLimitMegabytes { get; set; } = 128;

    /// <summary>
    /// How long the photos of one message may take to arrive from the provider, retries included
    /// (default 2 minutes). The message itself is already committed; after this the citizen is
    /// told the photo could not be fetched.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest side of thumbnails, in pixels.</summary>
    [Range(32, 2_048)]
    public int ThumbnailSize { get; set; } = 320;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == MediaStorageKind.S3)
        {
            if (string.IsNullOrWhiteSpace(S3.Bucket))
            {
                yield return new ValidationResult("Media:S3:Bucket is required when Media:Storage is S3.", [nameof(S3)]);
            }

            if (!string.IsNullOrWhiteSpace(S3.ServiceUrl) && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
            {
                yield return new ValidationResult($"Media:S3:ServiceUrl ({S3.ServiceUrl}) is not an absolute URL.", [nameof(S3)]);
            }

            // One without the other would silently fall back to whatever credentials the platform has.
            if (string.IsNullOrEmpty(S3.AccessKey) != string.IsNullOrEmpty(S3.SecretKey))
            {
                yield return new ValidationResult("Media:S3:AccessKey and Media:S3:SecretKey are set together or not at all.", [nameof(S3)]);
            }
        }

        // An accepted photo must be decodable: its pixels (4 bytes each at most for the formats we
        // re-encode) have to fit in one allocation.
        if (MaxImagePixels * 4 > DecodeAllocationLimitMegabytes * 1024L * 1024L)
        {
            yield return new ValidationResult(
                $"Media:DecodeAllocationLimitMegabytes ({DecodeAllocationLimitMegabytes}) is too small for Media:MaxImagePixels ({MaxImagePixels}); it needs at least {(MaxImagePixels * 4 / (1024 * 1024)) + 1} MB.",
                [nameof(DecodeAllocationLimitMegabytes), nameof(MaxImagePixels)]);
        }
    }
}
