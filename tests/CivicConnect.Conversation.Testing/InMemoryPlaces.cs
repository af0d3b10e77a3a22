using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Testing;

/// <summary>
/// A gazetteer of a few named places: typed words find every place whose phrase they contain; a
/// point is described as the nearest place within <see cref="PointRadiusMeters"/>, else outside the city.
/// </summary>
public sealed class InMemoryPlaces : IPlaceFinder
{
    private readonly List<(string Phrase, PlaceCandidate Place)> places = [];

    public double PointRadiusMeters { get; init; } = 500;

    public InMemoryPlaces Add(string phrase, PlaceCandidate place)
    {
        places.Add((phrase, place));
        return this;
    }

    public Task<PlaceCandidate> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        var nearest = places
            .Select(p => (p.Place, Meters: DistanceMeters(latitude, longitude, p.Place.Latitude, p.Place.Longitude)))
            .Where(p => p.Meters <= PointRadiusMeters)
            .OrderBy(p => p.Meters)
            .Select(p => p.Place)
            .FirstOrDefault();
        return Task.FromResult(nearest ?? new PlaceCandidate("a point outside the city", latitude, longitude, Ward: null));
    }

    public Task<IReadOnlyList<PlaceCandidate>> FindAsync(string text, PlaceNear? near, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(text);
        IReadOnlyList<PlaceCandidate> found = places.Where(p => TextNormalizer.ContainsPhrase(normalized, p.Phrase)).Select(p => p.Place).ToList();
        return Task.FromResult(found);
    }

    private static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        // Equirectangular: plenty for "within a few hundred metres".
        const double EarthRadius = 6_371_000;
        var x = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = (lat2 - lat1) * Math.PI / 180;
        return Math.Sqrt((x * x) + (y * y)) * EarthRadius;
    }
}
