using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Intelligence.Photos;

/// <summary>Photo evidence for classification and same-photo detection (ResNet18 features).</summary>
public sealed class PhotoOptions
{
    public const string SectionName = "Photos";

    /// <summary>Largest picture decoded for features; bigger ones are refused before decoding (memory).</summary>
    [Range(1, 200_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Cosine similarity from which two photos are taken to be the same picture (re-sent, re-compressed, resized).</summary>
    [Range(0.5, 1.0)]
    public double SamePhotoSimilarity { get; set; } = 0.97;

    /// <summary>Open issues older than this are not compared for same-photo detection.</summary>
    [Range(1, 3650)]
    public int SamePhotoMaxAgeDays { get; set; } = 90;

    /// <summary>Gallery photos less similar than this to a citizen's photo say nothing about its category.</summary>
    [Range(0.0, 1.0)]
    public double GalleryMinSimilarity { get; set; } = 0.6;

    /// <summary>How many nearest gallery photos vote.</summary>
    [Range(1, 50)]
    public int GalleryNeighbours { get; set; } = 5;

    /// <summary>Share of the photo evidence in the combined score when the citizen also wrote something (0..1).</summary>
    [Range(0.0, 1.0)]
    public double PhotoWeight { get; set; } = 0.35;
}
