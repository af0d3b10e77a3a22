using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>Writes issues straight into the table, so duplicate tests set up exactly the neighbourhood they need.</summary>
internal static class IssueRows
{
    public const double MetresPerDegreeLatitude = 111_320;

    /// <summary>A point the given number of metres north of another.</summary>
    public static double North(double latitude, double metres) => latitude + (metres / MetresPerDegreeLatitude);

    public static Task InsertAsync(CivicDbContext db, string category, string status, double lat, double lon, string description, DateTimeOffset createdAt) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO issues (category_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
            SELECT c.id, 'Normal', {status}, 0, {description}, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 'web', 'en', jsonb_build_object(), 0, {createdAt}, {createdAt}
            FROM service_categories c WHERE c.code = {category}
            """);

    public static Task<int> CountAsync(CivicDbContext db) => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM issues").SingleAsync();
}
