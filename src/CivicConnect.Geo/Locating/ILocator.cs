using CivicConnect.Geo.Wards;

namespace CivicConnect.Geo.Locating;

/// <summary>From what a citizen gives (a point, or words) to places with a ward.</summary>
public interface ILocator
{
    /// <summary>Describes a shared point: the nearest civic address or corner (else named place) and the ward, or outside the city.</summary>
    Task<PlaceMatch> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken);

    /// <summary>
    /// Places matching typed words, best first; several when the words fit places far apart (a
    /// question for the citizen), empty when nothing matches (never a silent guess).
    /// <paramref name="near"/> is a clue from earlier in the conversation (the community named),
    /// which ranks the candidates and settles the question when one is clearly nearest.
    /// </summary>
    Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, PlaceHint? near, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, CancellationToken cancellationToken) => FindAsync(text, near: null, cancellationToken);
}

/// <summary>A point the citizen already gave that the place they type is probably near.</summary>
public sealed record PlaceHint(double Latitude, double Longitude);

/// <param name="Label">What to show the citizen: "17 Ave SW &amp; 4 St SW", "815 7 Ave SW", "Peace Bridge".</param>
/// <param name="Ward">Null when the point is outside city limits.</param>
/// <param name="Municipality">Outside city limits: the neighbouring municipality that handles it, when known.</param>
/// <param name="Coarse">A community: too large to file a report at; the dialog asks where in it.</param>
public sealed record PlaceMatch(string Label, double Latitude, double Longitude, WardMatch? Ward, string? Municipality = null, bool Coarse = false);
