namespace CivicConnect.Conversation.Ports;

/// <summary>From what a citizen gives (a point, or place words) to places with a ward.</summary>
public interface IPlaceFinder
{
    /// <summary>Describes a shared point: nearest named place and the ward (or outside the city).</summary>
    Task<PlaceCandidate> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken);

    /// <summary>
    /// Places matching typed words, best first; several when they fit places far apart, empty when
    /// nothing matches (never a silent guess). <paramref name="near"/>: a point the citizen already
    /// gave (the community they named), which ranks the candidates.
    /// </summary>
    Task<IReadOnlyList<PlaceCandidate>> FindAsync(string text, PlaceNear? near, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlaceCandidate>> FindAsync(string text, CancellationToken cancellationToken) => FindAsync(text, near: null, cancellationToken);
}

/// <summary>A point the place being typed is probably near.</summary>
public sealed record PlaceNear(double Latitude, double Longitude);

/// <param name="Label">What to show the citizen: "17 Ave SW &amp; 4 St SW", "near Kensington".</param>
/// <param name="Ward">Null when the point is outside city limits.</param>
/// <param name="Municipality">Outside city limits: the neighbouring municipality that handles it, when known.</param>
/// <param name="Coarse">A community: too large to file a report at; the dialog asks where in it.</param>
public sealed record PlaceCandidate(string Label, double Latitude, double Longitude, PlaceWard? Ward, string? Municipality = null, bool Coarse = false);

public sealed record PlaceWard(int Id, string Code, string Name);
