using System.Text.Json;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// The city's own list of landmarks and known names (<c>seed/places.json</c>: name, kind, lat,
/// lon, aliases), for places no register carries ("Peace Bridge", "Sunridge Mall"). Entries of
/// kind "intersection" are left to the corner registers; "community" entries are coarse.
/// </summary>
public static class LandmarkFileFormat
{
    public static int Read(string path, PlaceSet into)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var added = 0;
        foreach (var entry in document.RootElement.GetProperty("places").EnumerateArray())
        {
            var kind = entry.GetProperty("kind").GetString() ?? "landmark";
            if (kind is "intersection" or "municipality")
            {
                continue;
            }

            var name = entry.GetProperty("name").GetString()!;
            var aliases = new List<string> { name };
            if (entry.TryGetProperty("aliases", out var list))
            {
                aliases.AddRange(list.EnumerateArray().Select(a => a.GetString()!).Where(a => a.Length > 0));
            }

            into.Places.Add(new KnownPlace(
                name,
                kind,
                PlaceAliases.Expand(aliases, bareWord: true),
                entry.GetProperty("lat").GetDouble(),
                entry.GetProperty("lon").GetDouble(),
                Coarse: kind == "community"));
            added++;
        }

        return added;
    }
}
