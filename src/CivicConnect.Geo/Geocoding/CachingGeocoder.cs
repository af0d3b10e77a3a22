using System.Globalization;
using CivicConnect.Geo.Locating;
using Microsoft.Extensions.Options;

namespace CivicConnect.Geo.Geocoding;

/// <summary>
/// Asks the cache first and the geocoder only on a miss. Answers (even "nothing there") are kept;
/// outages are not, so the next citizen gets a fresh try.
/// </summary>
public sealed class CachingGeocoder(NominatimGeocoder inner, GeocodeCache cache, IOptions<GeocodingOptions> options) : IGeocoder
{
    public async Task<IReadOnlyList<GeocodeHit>?> SearchAsync(LocationQuery query, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromDays(options.Value.CacheDays);
        if (lifetime > TimeSpan.Zero && await cache.GetAsync(query.CacheKey, cancellationToken) is { } cached)
        {
            return cached;
        }

        var hits = await inner.SearchAsync(query, cancellationToken);
        if (hits is not null && lifetime > TimeSpan.Zero)
        {
            await cache.SetAsync(query.CacheKey, hits, lifetime, cancellationToken);
        }

        return hits;
    }

    public async Task<IReadOnlyList<GeocodeHit>?> ReverseAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        // Four decimals is about 10 m: pins dropped on the same spot share one answer.
        var key = string.Create(CultureInfo.InvariantCulture, $"reverse:{latitude:0.0000},{longitude:0.0000}");
        var lifetime = TimeSpan.FromDays(options.Value.CacheDays);
        if (lifetime > TimeSpan.Zero && await cache.GetAsync(key, cancellationToken) is { } cached)
        {
            return cached;
        }

        var hits = await inner.ReverseAsync(latitude, longitude, cancellationToken);
        if (hits is not null && lifetime > TimeSpan.Zero)
        {
            await cache.SetAsync(key, hits, lifetime, cancellationToken);
        }

        return hits;
    }
}
