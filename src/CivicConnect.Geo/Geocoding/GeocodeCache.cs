using System.Text.Json;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Geo.Geocoding;

/// <summary>Geocoder answers in PostgreSQL (geocode_cache), keyed by the parsed query's normalised key, until they expire.</summary>
public sealed class GeocodeCache(CivicDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<GeocodeHit>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var json = await db.GeocodeCache.AsNoTracking()
            .Where(e => e.QueryKey == key && e.ExpiresAt > now)
            .Select(e => e.Results)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<List<GeocodeHit>>(json, JsonSerializerOptions.Web);
    }

    public async Task SetAsync(string key, IReadOnlyList<GeocodeHit> hits, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var json = JsonSerializer.Serialize(hits, JsonSerializerOptions.Web);

        // Two conversations asking for the same place at once both write; the later answer wins.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO geocode_cache (query_key, results, created_at, expires_at)
            VALUES ({key}, {json}::jsonb, {now}, {expires})
            ON CONFLICT (query_key) DO UPDATE SET results = excluded.results, created_at = excluded.created_at, expires_at = excluded.expires_at
            """, cancellationToken);
    }
}
