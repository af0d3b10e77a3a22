using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.Media;

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Folder for stored photos; relative paths are under the repository root. Default <c>.data/media</c>.</summary>
    [Required]
    public string Root { get; set; } = Path.Combine(".data", "media");

    /// <summary>Largest accepted photo, in bytes (default 5 MB).</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest accepted photo in pixels, so a small file cannot expand into gigabytes when decoded.</summary>
    [Range(1, 200_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Longest side of thumbnails, in pixels.</summary>
    [Range(32, 2_048)]
    public int ThumbnailSize { get; set; } = 320;
}
