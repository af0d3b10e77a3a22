namespace CivicConnect.Geo.Places.Import;

/// <summary>CTrain stations: STATIONNAM ("45 Street SW Station"), the_geom WKT point.</summary>
public sealed class StationFileFormat : IPlaceFileFormat
{
    public string Describes => "LRT stations";

    public IReadOnlyList<string> RequiredColumns { get; } = ["STATIONNAM", "the_geom"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (!Coordinates.TryWktPoint(row["the_geom"], out var latitude, out var longitude) || row["STATIONNAM"].Trim() is not { Length: > 0 } name)
        {
            return false;
        }

        var bare = name.EndsWith(" Station", StringComparison.OrdinalIgnoreCase) ? name[..^" Station".Length] : name;
        string[] said = [name, bare + " LRT", bare + " LRT station", bare + " CTrain", bare + " C-Train station", "gare " + bare, "station " + bare];
        into.Places.Add(new KnownPlace(name, "station", PlaceAliases.Expand(said), latitude, longitude, Coarse: false));
        return true;
    }
}
