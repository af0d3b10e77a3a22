using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CivicConnect.Staff.Map;

/// <summary>A bounding box in WGS 84 degrees, as Leaflet's <c>getBounds()</c> and <c>bbox=minLon,minLat,maxLon,maxLat</c> give it.</summary>
public readonly record struct MapBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public bool IsValid =>
        MinLongitude < MaxLongitude && MinLatitude < MaxLatitude
        && MinLongitude >= -180 && MaxLongitude <= 180 && MinLatitude >= -90 && MaxLatitude <= 90;

    /// <summary>Reads <c>minLon,minLat,maxLon,maxLat</c>; false for anything else (wrong count, not numbers, min not below max, out of range).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MapBox? box)
    {
        box = null;
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 4 })
        {
            return false;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return false;
            }
        }

        var candidate = new MapBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (!candidate.IsValid)
        {
            return false;
        }

        box = candidate;
        return true;
    }

    /// <summary>Leaflet may report a box past ±180/±90 when zoomed far out: clamp it to the world.</summary>
    public MapBox ClampToWorld() => new(
        Math.Clamp(MinLongitude, -180, 180), Math.Clamp(MinLatitude, -90, 90),
        Math.Clamp(MaxLongitude, -180, 180), Math.Clamp(MaxLatitude, -90, 90));
}
