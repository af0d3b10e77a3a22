using CivicConnect.Geo.Places.Normalize;

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
