using CivicConnect.Geo.Locating;

namespace CivicConnect.Geo.Geocoding;

/// <summary>A structured query to candidate points. Never throws for an outage.</summary>
public interface IGeocoder
{
    /// <summary>Hits, best first; empty when the geocoder knows no such place; null when it did not answer (down, slow, throttled).</summary>
    Task<IReadOnlyList<GeocodeHit>?> SearchAsync(LocationQuery query, CancellationToken cancellationToken);

    /// <summary>A point to a readable address: one hit; empty when the geocoder has no address there; null when it did not answer.</summary>
    Task<IReadOnlyList<GeocodeHit>?> ReverseAsync(double latitude, double longitude, CancellationToken cancellationToken);
}

public sealed record GeocodeHit(string DisplayName, double Latitude, double Longitude);
