using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Geo.Hotspots;

/// <summary>
/// Clusters of open issues: ST_ClusterDBSCAN over the points projected to the city's metric SRID,
/// so eps is in metres; issues in no cluster (noise) are left out. Biggest cluster first.
/// </summary>
public sealed class HotspotQuery(CivicDbContext db, IOptions<HotspotOptions> options)
{
    // The projection is done once per row in the CTE; the centroid is taken of the WGS 84 points
    // (close enough at city scale) and the radius is measured in the metric projection.
    internal static string Sql(HotspotScope scope) => $"""
        WITH open_issues AS (
            SELECT i.id, i.reference_number, c.code AS category, i.location,
                   ST_Transform(i.location, @srid) AS projected
            FROM issues i
            JOIN service_categories c ON c.id = i.category_id
            WHERE i.location IS NOT NULL
              AND i.status <> ALL(@closed)
              AND i.created_at >= @since
              AND (@category::text IS NULL OR c.code = @category::text)
              AND {scope.Condition}
        ), clustered AS (
            SELECT *, ST_ClusterDBSCAN(projected, @eps, @minpoints) OVER () AS cluster_id
            FROM open_issues
        )
        SELECT count(*)::int AS issue_count,
               ST_Y(ST_Centroid(ST_Collect(location))) AS latitude,
               ST_X(ST_Centroid(ST_Collect(location))) AS longitude,
               ST_MaxDistance(ST_Centroid(ST_Collect(projected)), ST_Collect(projected)) AS radius_meters,
               array_agg(DISTINCT category ORDER BY category) AS categories,
               array_agg(id ORDER BY reference_number) AS issue_ids,
               array_agg(reference_number ORDER BY reference_number) AS reference_numbers
        FROM clustered
        WHERE cluster_id IS NOT NULL
        GROUP BY cluster_id
        ORDER BY issue_count DESC, min(reference_number)
        """;

    /// <summary>Hotspots of the open issues <paramref name="scope"/> lets the reader see (a hotspot of another department's reports is not theirs to see).</summary>
    public async Task<IReadOnlyList<Hotspot>> FindAsync(string? categoryCode, DateTimeOffset since, HotspotScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        object[] parameters =
        [
            new NpgsqlParameter("srid", settings.MetricSrid), new NpgsqlParameter("closed", IssueStatuses.FinishedNames),
            new NpgsqlParameter("since", since), new NpgsqlParameter("category", (object?)categoryCode ?? DBNull.Value),
            new NpgsqlParameter("eps", settings.EpsMeters), new NpgsqlParameter("minpoints", settings.MinPoints),
            .. scope.Parameters,
        ];
        return await db.Database.SqlQueryRaw<Hotspot>(Sql(scope), parameters).ToListAsync(cancellationToken);
    }
}

/// <param name="RadiusMeters">Farthest issue from the centre: how big the hotspot is on the ground.</param>
public sealed record Hotspot(
    int IssueCount, double Latitude, double Longitude, double RadiusMeters, string[] Categories, long[] IssueIds, int[] ReferenceNumbers);
