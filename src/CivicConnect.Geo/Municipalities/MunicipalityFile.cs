using System.Text.Json;

namespace CivicConnect.Geo.Municipalities;

/// <summary>The neighbouring municipalities file (seed/municipalities.json; format in seed/README.md).</summary>
public sealed record MunicipalityFile(IReadOnlyList<MunicipalityFileEntry> Municipalities)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and checks the file; every problem is listed at once.</summary>
    public static MunicipalityFile Read(Stream stream, string source)
    {
        MunicipalityFile? file;
        try
        {
            file = JsonSerializer.Deserialize<MunicipalityFile>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a municipalities file ({ex.Message})", ex);
        }

        if (file?.Municipalities is not { Count: > 0 })
        {
            throw new InvalidDataException($"{source}: no \"municipalities\"");
        }

        var problems = file.Municipalities.SelectMany((m, i) => m.Problems().Select(problem => $"municipalities[{i}] ({m.Name}): {problem}"))
            .Concat(file.Municipalities.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\" appears {g.Count()} times"))
            .ToList();
        return problems.Count == 0 ? file : throw new InvalidDataException($"{source}:\n  " + string.Join("\n  ", problems));
    }
}

/// <param name="Bbox">[west, south, east, north]; or give <paramref name="Polygon"/>, a ring of [lon, lat] pairs.</param>
public sealed record MunicipalityFileEntry(string Name, double[]? Bbox, double[][]? Polygon)
{
    /// <summary>The outline as [lon, lat] pairs, closed.</summary>
    internal IReadOnlyList<(double Lon, double Lat)> Ring()
    {
        if (Polygon is { Length: > 0 })
        {
            var ring = Polygon.Select(p => (p[0], p[1])).ToList();
            return ring[0] == ring[^1] ? ring : [.. ring, ring[0]];
        }

        var (west, south, east, north) = (Bbox![0], Bbox[1], Bbox[2], Bbox[3]);
        return [(west, south), (east, south), (east, north), (west, north), (west, south)];
    }

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            yield return "name is required (at most 200 characters)";
        }

        if (Polygon is null == Bbox is null)
        {
            yield return "give either bbox or polygon";
        }
        else if (Bbox is not null && (Bbox.Length != 4 || !GeoPoint.IsValid(Bbox[1], Bbox[0]) || !GeoPoint.IsValid(Bbox[3], Bbox[2]) || Bbox[0] >= Bbox[2] || Bbox[1] >= Bbox[3]))
        {
            yield return "bbox must be [west, south, east, north] in WGS 84 degrees, west < east and south < north";
        }
        else if (Polygon is not null && (Polygon.Length < 3 || Polygon.Any(p => p.Length != 2 || !GeoPoint.IsValid(p[1], p[0]))))
        {
            yield return "polygon must be at least 3 [lon, lat] pairs in WGS 84 degrees";
        }
    }
}
