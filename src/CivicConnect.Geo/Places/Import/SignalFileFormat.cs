using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Signalised intersections: FIRSTROAD, SECONDROAD ("HERITAGE DRIVE", "MACLEOD TRAIL S"),
/// QUADRANT, latitude, longitude. A cell may hold two names for one road ("15 STREET/17 AVENUE"):
/// every pairing is a corner.
/// </summary>
public sealed class SignalFileFormat : IPlaceFileFormat
{
    public string Describes => "signalised intersections";

    public IReadOnlyList<string> RequiredColumns { get; } = ["FIRSTROAD", "SECONDROAD", "QUADRANT", "latitude", "longitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (!Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude))
        {
            return false;
        }

        var quadrant = Quadrants.TryOne(row["QUADRANT"].Trim().ToLowerInvariant());
        var added = false;
        foreach (var first in Names(row["FIRSTROAD"]))
        {
            foreach (var second in Names(row["SECONDROAD"]))
            {
                if (first.Key != second.Key)
                {
                    into.Corners.Add(new KnownCorner(first.WithQuadrant(quadrant), second.WithQuadrant(quadrant), quadrant, latitude, longitude, "signal"));
                    added = true;
                }
            }
        }

        return added;
    }

    private static IEnumerable<StreetName> Names(string cell) =>
        cell.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(StreetNameNormalizer.Normalize)
            .OfType<StreetName>();
}
