namespace CivicConnect.Geo.Places.Import;

/// <summary>Schools: NAME_AB ("Rosedale School"), NAME, longitude, latitude.</summary>
public sealed class SchoolFileFormat : IPlaceFileFormat
{
    public string Describes => "schools";

    public IReadOnlyList<string> RequiredColumns { get; } = ["NAME", "NAME_AB", "longitude", "latitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (!Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude) || row["NAME_AB"].Trim() is not { Length: > 0 } name)
        {
            return false;
        }

        into.Places.Add(new KnownPlace(name, "school", PlaceAliases.Expand([name, row["NAME"].Trim() + " school"]), latitude, longitude, Coarse: false));
        return true;
    }
}
