using System.Text.Json;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// The city's own list of landmarks and known names (<c>seed/places.json</c>), for places no
/// register carries: each entry has a name, a kind, aliases, and either its point (lat, lon) or
/// its civic address, which is placed from the registers at import ("Sunridge Mall" at
/// "2525 36 St NE"). Entries of kind "intersection" are left to the corner registers;
/// "community" entries are coarse; a "municipality" is a neighbouring town, found by name so the
/// citizen can be told who handles it.
/// </summary>
public static class LandmarkFileFormat
{
    public static IReadOnlyList<Landmark> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var landmarks = new List<Landmark>();
        foreach (var entry in document.RootElement.GetProperty("places").EnumerateArray())
        {
            var kind = entry.TryGetProperty("kind", out var k) ? k.GetString() ?? "landmark" : "landmark";
            if (kind is "intersection")
            {
                continue;
            }

            var name = entry.GetProperty("name").GetString() ?? throw new InvalidDataException($"{Path.GetFileName(path)}: an entry has no name.");
            var aliases = new List<string> { name };
            if (entry.TryGetProperty("aliases", out var list))
            {
                aliases.AddRange(list.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0));
            }

            var address = entry.TryGetProperty("address", out var a) ? a.GetString() : null;
            double? latitude = entry.TryGetProperty("lat", out var lat) ? lat.GetDouble() : null;
            double? longitude = entry.TryGetProperty("lon", out var lon) ? lon.GetDouble() : null;
            if (address is null && (latitude is null || longitude is null))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: '{name}' needs either lat and lon or an address.");
            }

            landmarks.Add(new Landmark(name, kind, PlaceAliases.Expand(aliases, bareWord: true), latitude, longitude, address));
        }

        return landmarks;
    }
}

/// <summary>A landmark as the city lists it; placed by its point or by its address.</summary>
public sealed record Landmark(string Name, string Kind, IReadOnlyList<string> Aliases, double? Latitude, double? Longitude, string? Address);
