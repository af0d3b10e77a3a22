namespace CivicConnect.Geo.Places.Import;

/// <summary>Communities: NAME ("BEDDINGTON HEIGHTS"), longitude, latitude — coarse places the dialog narrows.</summary>
public sealed class CommunityFileFormat : IPlaceFileFormat
{
    public string Describes => "communities";

    public IReadOnlyList<string> RequiredColumns { get; } = ["NAME", "COMM_CODE", "longitude", "latitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (row.ContainsKey("ADDRESS") || !Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude) || row["NAME"].Trim() is not { Length: > 0 } name)
        {
            return false;
        }

        var title = string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        into.Places.Add(new KnownPlace(title, "community", PlaceAliases.Expand([title]), latitude, longitude, Coarse: true));
        return true;
    }
}
