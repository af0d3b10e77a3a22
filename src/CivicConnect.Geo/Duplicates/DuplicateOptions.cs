using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Geo.Duplicates;

public sealed class DuplicateOptions
{
    public const string SectionName = "Duplicates";

    [Range(1, 5000)]
    public double RadiusMeters { get; set; } = 50;

    /// <summary>Wider radii for problems that spread out, e.g. a dark stretch of streetlights.</summary>
    public Dictionary<string, double> RadiusMetersByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["streetlight"] = 150 };

    [Range(1, 3650)]
    public int MaxAgeDays { get; set; } = 90;
}
