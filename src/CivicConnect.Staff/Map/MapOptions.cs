using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Staff.Map;

/// <summary>
/// The console's map (<c>Console:Map</c>). Base tiles are optional: without a tile URL, or when the
/// tiles cannot be reached (an offline install), the map still draws wards, reports and hotspots.
/// </summary>
public sealed class MapOptions
{
    public const string SectionName = "Console:Map";

    /// <summary>A Leaflet tile URL template such as <c>https://tiles.example.org/{z}/{x}/{y}.png</c>; empty: no base tiles.</summary>
    public string TileUrl { get; set; } = string.Empty;

    /// <summary>Shown in the map's corner as the tile provider asks (HTML allowed, as Leaflet takes it).</summary>
    public string Attribution { get; set; } = string.Empty;

    /// <summary>Where the map opens (Calgary's centre by default).</summary>
    [Range(-90, 90)]
    public double CenterLatitude { get; set; } = 51.045;

    [Range(-180, 180)]
    public double CenterLongitude { get; set; } = -114.065;

    [Range(1, 18)]
    public int Zoom { get; set; } = 11;

    /// <summary>Reports closer than about this many screen pixels at the current zoom share a cluster.</summary>
    [Range(16, 256)]
    public int ClusterPixels { get; set; } = 64;

    /// <summary>From this zoom on every report is its own marker (streets are readable, reports no longer pile up).</summary>
    [Range(1, 22)]
    public int PointsFromZoom { get; set; } = 17;

    /// <summary>Most clusters and markers one answer carries; a box too large for its zoom is cut, biggest clusters first.</summary>
    [Range(100, 50_000)]
    public int MaxItems { get; set; } = 5000;
}
