using System.Text.RegularExpressions;
using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Transit stops named by their corner: STOP_NAME "SB MACLEOD TR @ HERITAGE DR SW" (direction of
/// travel, ", NEARSIDE"/"FARSIDE" and bracketed notes dropped), POINT as WKT. A stop stands a few
/// tens of metres from its corner; inactive stops still mark real corners.
/// </summary>
public sealed partial class TransitStopFileFormat : IPlaceFileFormat
{
    public string Describes => "transit-stop corners";

    public IReadOnlyList<string> RequiredColumns { get; } = ["STOP_NAME", "POINT"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        var name = Notes().Replace(row["STOP_NAME"], " ");
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        name = comma >= 0 ? name[..comma] : name;
        var sides = name.Split('@', StringSplitOptions.TrimEntries);
        if (sides.Length != 2 || !Coordinates.TryWktPoint(row["POINT"], out var latitude, out var longitude))
        {
            return false;
        }

        if (StreetNameNormalizer.Normalize(sides[0]) is not { } first || StreetNameNormalizer.Normalize(sides[1]) is not { } second || first.Key == second.Key)
        {
            return false;
        }

        // "NB 19 ST @ 41 AV NE": the trailing quadrant is the corner's.
        var quadrant = second.Quadrant ?? first.Quadrant;
        into.Corners.Add(new KnownCorner(first.WithQuadrant(quadrant), second.WithQuadrant(quadrant), quadrant, latitude, longitude, "stop"));
        return true;
    }

    [GeneratedRegex(@"\([^)]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Notes();
}
