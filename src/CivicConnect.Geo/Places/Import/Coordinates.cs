using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicConnect.Geo.Places.Import;

/// <summary>Points as open-data files write them: two columns, or WKT "POINT (lon lat)".</summary>
public static partial class Coordinates
{
    public static bool TryColumns(IReadOnlyDictionary<string, string> row, string latitudeColumn, string longitudeColumn, out double latitude, out double longitude)
    {
        longitude = 0;
        return TryNumber(row.GetValueOrDefault(latitudeColumn), out latitude)
            & TryNumber(row.GetValueOrDefault(longitudeColumn), out longitude)
            && Plausible(latitude, longitude);
    }

    public static bool TryWktPoint(string? wkt, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        if (wkt is null || WktPoint().Match(wkt) is not { Success: true } m)
        {
            return false;
        }

        return TryNumber(m.Groups["lon"].Value, out longitude) & TryNumber(m.Groups["lat"].Value, out latitude) && Plausible(latitude, longitude);
    }

    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool Plausible(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && (latitude != 0 || longitude != 0);

    [GeneratedRegex(@"POINT\s*\(\s*(?<lon>-?[\d.]+)\s+(?<lat>-?[\d.]+)\s*\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WktPoint();
}
