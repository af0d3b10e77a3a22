using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Import;

/// <summary>Freeway junctions by name: "Camera Location" ("Stoney Trail / Deerfoot Trail SE"), Quadrant, longitude, latitude.</summary>
public sealed class JunctionFileFormat : IPlaceFileFormat
{
    public string Describes => "freeway junctions";

    public IReadOnlyList<string> RequiredColumns { get; } = ["Camera Location", "Quadrant", "longitude", "latitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        var sides = row["Camera Location"].Split('/', StringSplitOptions.TrimEntries);
        if (sides.Length != 2 || !Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude)
            || StreetNameNormalizer.Normalize(sides[0]) is not { } first || StreetNameNormalizer.Normalize(sides[1]) is not { } second || first.Key == second.Key)
        {
            return false;
        }

        var quadrant = Quadrants.TryOne(row["Quadrant"].Trim().ToLowerInvariant()) ?? second.Quadrant;
        into.Corners.Add(new KnownCorner(first.WithQuadrant(quadrant), second.WithQuadrant(quadrant), quadrant, latitude, longitude, "junction"));
        return true;
    }
}
