using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Geo.Locating;

/// <summary>
/// The embedded locator: typed coordinates, and a gazetteer of named places (seed/places.json)
/// matched on normalised names. Needs no geocoder; a Nominatim-compatible one plugs in behind
/// <see cref="ILocator"/>.
/// </summary>
public sealed partial class GazetteerLocator(IServiceScopeFactory scopes) : ILocator
{
    private static readonly Lazy<IReadOnlyList<GazetteerPlace>> Places = new(LoadPlaces);

    public async Task<PlaceMatch> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        var ward = await FindWardAsync(latitude, longitude, cancellationToken);
        var nearest = Places.Value
            .Select(p => (Place: p, Meters: DistanceMeters(latitude, longitude, p.Lat, p.Lon)))
            .Where(x => x.Meters < 1500)
            .OrderBy(x => x.Meters)
            .FirstOrDefault();
        var label = nearest.Place is null
            ? string.Create(CultureInfo.InvariantCulture, $"{latitude:0.#####}, {longitude:0.#####}")
            : nearest.Place.Name;
        return new PlaceMatch(label, latitude, longitude, ward);
    }

    public async Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return [];
        }

        var coordinates = Coordinates().Match(text);
        if (coordinates.Success
            && double.TryParse(coordinates.Groups["lat"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(coordinates.Groups["lon"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && GeoPoint.IsValid(lat, lon))
        {
            return [await DescribePointAsync(lat, lon, cancellationToken)];
        }

        var query = " " + PlaceText.Normalize(text) + " ";
        var matches = Places.Value
            .Select(p => (Place: p, Score: p.Aliases.Where(a => query.Contains(" " + a + " ", StringComparison.Ordinal)).Select(a => a.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Take(3)
            .ToList();

        var results = new List<PlaceMatch>(matches.Count);
        foreach (var (place, _) in matches)
        {
            results.Add(new PlaceMatch(place.Name, place.Lat, place.Lon, await FindWardAsync(place.Lat, place.Lon, cancellationToken)));
        }

        return results;
    }

    private async Task<WardMatch?> FindWardAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWardLookup>().FindAsync(latitude, longitude, cancellationToken);
    }

    private static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6_371_000;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static List<GazetteerPlace> LoadPlaces()
    {
        var path = Path.Combine(RepositoryPaths.Seed, "places.json");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<GazetteerFile>(stream, JsonSerializerOptions.Web) ?? new GazetteerFile([]);
        return file.Places
            .Select(p => p with { Aliases = p.Aliases.Append(p.Name).Select(PlaceText.Normalize).Distinct().ToArray() })
            .ToList();
    }

    [GeneratedRegex(@"(?<lat>-?\d{1,2}\.\d+)\s*[, ]\s*(?<lon>-?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Coordinates();

    private sealed record GazetteerFile(IReadOnlyList<GazetteerPlace> Places);

    private sealed record GazetteerPlace(string Name, string Kind, double Lat, double Lon, string[] Aliases);
}
