using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Geo.Duplicates;

/// <summary>
/// Nearest open issue of the same category within the category's radius and age limit.
/// </summary>
public sealed class NearbyDuplicateFinder(CivicDbContext db, IOptions<DuplicateOptions> options, TimeProvider clock) : IDuplicateFinder
{
    // ST_DWithin on geography measures in metres but cannot use the geometry GiST index on
    // issues.location (the cast hides the column). The && box test, in degrees wide enough
    // for the radius at this latitude, is what lets the planner use that index; ST_DWithin
    // then keeps only what is truly within the radius.
    internal const string Sql = """
        SELECT i.id AS issue_id, i.reference_number, i.created_at AS reported_at, i.description,
               ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS distance_meters
        FROM issues i
        JOIN service_categories c ON c.id = i.category_id
        WHERE c.code = @category
          AND i.status <> ALL(@closed)
          AND i.created_at >= @since
          AND i.location && ST_Expand(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @degrees)
          AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @radius)
        ORDER BY 5
        LIMIT 1
        """;

    private const double MetresPerDegree = 111_320;

    public async Task<DuplicateCandidate?> FindAsync(string categoryCode, double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return null;
        }

        var settings = options.Value;
        var radius = settings.RadiusMetersByCategory.TryGetValue(categoryCode, out var specific) ? specific : settings.RadiusMeters;
        var since = clock.GetUtcNow().AddDays(-settings.MaxAgeDays);
        var rows = await db.Database.SqlQueryRaw<DuplicateRow>(Sql, Parameters(categoryCode, latitude, longitude, radius, since)).ToListAsync(cancellationToken);
        return rows.Select(r => new DuplicateCandidate(r.IssueId, r.ReferenceNumber, r.ReportedAt, r.Description, r.DistanceMeters)).FirstOrDefault();
    }

    internal static object[] Parameters(string categoryCode, double latitude, double longitude, double radius, DateTimeOffset since)
    {
        // A degree of longitude shrinks towards the poles; the box's half-width covers the radius along both axes.
        var degrees = radius / (MetresPerDegree * Math.Max(0.01, Math.Cos(double.DegreesToRadians(latitude))));
        return
        [
            new NpgsqlParameter("lon", longitude), new NpgsqlParameter("lat", latitude), new NpgsqlParameter("category", categoryCode),
            new NpgsqlParameter("closed", OpenIssues.ClosedStatuses), new NpgsqlParameter("since", since),
            new NpgsqlParameter("degrees", degrees), new NpgsqlParameter("radius", radius),
        ];
    }

    // Column names follow the context's snake_case convention.
    private sealed record DuplicateRow(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, double DistanceMeters);
}
