using System.Text.Json;

namespace CivicConnect.Geo.Gazetteer;

/// <summary>The gazetteer data file (seed/places.json; format in seed/README.md).</summary>
public sealed record GazetteerFile(IReadOnlyList<GazetteerFileEntry> Places)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and checks the file; every problem is listed at once so a city can fix its file in one pass.</summary>
    public static GazetteerFile Read(Stream stream, string source)
    {
        GazetteerFile? file;
        try
        {
            file = JsonSerializer.Deserialize<GazetteerFile>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a gazetteer file ({ex.Message})", ex);
        }

        if (file?.Places is not { Count: > 0 })
        {
            throw new InvalidDataException($"{source}: no \"places\"");
        }

        var problems = file.Places.SelectMany((p, i) => p.Problems().Select(problem => $"places[{i}] ({p.Name}): {problem}"))
            .Concat(file.Places.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\" appears {g.Count()} times"))
            .ToList();
        return problems.Count == 0 ? file : throw new InvalidDataException($"{source}:\n  " + string.Join("\n  ", problems));
    }
}

public sealed record GazetteerFileEntry(string Name, string Kind, double Lat, double Lon, string[]? Aliases)
{
    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            yield return "name is required (at most 200 characters)";
        }

        if (string.IsNullOrWhiteSpace(Kind) || Kind.Length > 32)
        {
            yield return "kind is required (at most 32 characters)";
        }

        if (!GeoPoint.IsValid(Lat, Lon))
        {
            yield return "lat/lon are not a WGS 84 point";
        }
    }
}
