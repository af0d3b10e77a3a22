using CivicConnect.Geo.Wards;

namespace CivicConnect.Geo.Locating;

/// <summary>From what a citizen gives (a point, or words) to places with a ward.</summary>
public interface ILocator
{
    /// <summary>Describes a shared point: nearest named place and the ward (or outside the city).</summary>
    Task<PlaceMatch> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken);

    /// <summary>Places matching typed words, best first; empty when nothing matches (never a silent guess).</summary>
    Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Label">What to show the citizen: "17 Ave SW & 4 St SW", "near Kensington".</param>
/// <param name="Ward">Null when the point is outside city limits.</param>
/// <param name="Municipality">Outside city limits: the neighbouring municipality that handles it, when known.</param>
public sealed record PlaceMatch(string Label, double Latitude, double Longitude, WardMatch? Ward, string? Municipality = null);
