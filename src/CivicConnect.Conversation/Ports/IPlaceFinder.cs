namespace CivicConnect.Conversation.Ports;

/// <summary>From what a citizen gives (a point, or place words) to places with a ward.</summary>
public interface IPlaceFinder
{
    /// <summary>Describes a shared point: nearest named place and the ward (or outside the city).</summary>
    Task<PlaceCandidate> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken);

    /// <summary>Places matching typed words, best first; empty when nothing matches (never a silent guess).</summary>
    Task<IReadOnlyList<PlaceCandidate>> FindAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Label">What to show the citizen: "17 Ave SW &amp; 4 St SW", "near Kensington".</param>
/// <param name="Ward">Null when the point is outside city limits.</param>
/// <param name="Municipality">Outside city limits: the neighbouring municipality that handles it, when known.</param>
public sealed record PlaceCandidate(string Label, double Latitude, double Longitude, PlaceWard? Ward, string? Municipality = null);

public sealed record PlaceWard(int Id, string Code, string Name);
