namespace CivicConnect.Geo.Places.Import;

/// <summary>Named services (libraries, hospitals, attractions, community centres): TYPE, NAME, longitude, latitude.</summary>
public sealed class ServiceFileFormat : IPlaceFileFormat
{
    public string Describes => "named services";

    public IReadOnlyList<string> RequiredColumns { get; } = ["TYPE", "NAME", "ADDRESS", "longitude", "latitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (!Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude) || row["NAME"].Trim() is not { Length: > 0 } name)
        {
            return false;
        }

        // "Calgary Zoo, Botanical Garden & Prehistoric Park" is known as "Calgary Zoo".
        var aliases = new List<string> { name };
        aliases.AddRange(name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(1));
        var kind = row["TYPE"].Trim().ToLowerInvariant();
        into.Places.Add(new KnownPlace(name, kind, PlaceAliases.Expand(aliases, bareWord: kind is "attraction" or "hospital"), latitude, longitude, Coarse: false));
        return true;
    }
}
