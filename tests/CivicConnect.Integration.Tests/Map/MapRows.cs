using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>Open and closed reports written straight into the table, with the category's department and the ward they fall in.</summary>
internal static class MapRows
{
    public static Task InsertAsync(CivicDbContext db, string category, double lat, double lon, string status = "Received") =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO issues (category_id, department_id, ward_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
            SELECT c.id, c.department_id,
                   (SELECT w.id FROM wards w WHERE ST_Contains(w.boundary, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)) LIMIT 1),
                   'Normal', {status}, 0, 'map test', ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 'web', 'en', jsonb_build_object(), 0, now(), now()
            FROM service_categories c WHERE c.code = {category}
            """);

    /// <summary>
    /// <paramref name="count"/> open reports at seeded random points in Calgary's box, over every category,
    /// one in ten closed (which the map must leave out).
    /// </summary>
    public static Task SpreadAsync(CivicDbContext db, int count) =>
        db.Database.ExecuteSqlAsync($"""
            SELECT setseed(0.311);
            INSERT INTO issues (category_id, department_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
            SELECT c.id, c.department_id, 'Normal', CASE WHEN n % 10 = 0 THEN 'Closed' ELSE 'Received' END, 0, 'spread ' || n,
                   ST_SetSRID(ST_MakePoint(-114.32 + random() * 0.46, 50.84 + random() * 0.38), 4326), 'web', 'en', jsonb_build_object(), 0, now(), now()
            FROM generate_series(1, {count}) AS n
            CROSS JOIN LATERAL (SELECT id, department_id FROM service_categories ORDER BY id OFFSET (n % (SELECT count(*) FROM service_categories)) LIMIT 1) AS c;
            UPDATE issues i SET ward_id = w.id FROM wards w WHERE i.ward_id IS NULL AND ST_Contains(w.boundary, i.location);
            ANALYZE issues;
            """);
}
