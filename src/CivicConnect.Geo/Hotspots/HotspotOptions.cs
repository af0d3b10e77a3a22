using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Geo.Hotspots;

/// <summary>How open issues are grouped into hotspots for staff (DBSCAN on a metric projection).</summary>
public sealed class HotspotOptions
{
    public const string SectionName = "Hotspots";

    /// <summary>Two issues closer than this are neighbours (DBSCAN's eps).</summary>
    [Range(1, 10_000)]
    public double EpsMeters { get; set; } = 100;

    /// <summary>Fewest issues that make a hotspot (DBSCAN's minpoints); fewer are noise, not returned.</summary>
    [Range(2, 1000)]
    public int MinPoints { get; set; } = 3;

    /// <summary>
    /// A projected SRID in metres for the city, so eps is a distance and not degrees. Default:
    /// NAD83 / Alberta 3TM ref merid 114 W, centred on Calgary.
    /// </summary>
    [Range(1024, 999_999)]
    public int MetricSrid { get; set; } = 3776;

    /// <summary>Without ?since=, issues reported in this many days are clustered.</summary>
    [Range(1, 3650)]
    public int DefaultDays { get; set; } = 30;
}
