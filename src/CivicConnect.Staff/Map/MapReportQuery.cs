using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Staff.Map;

/// <summary>
/// The open reports in a map's box, clustered by PostgreSQL so the browser gets a few hundred
/// markers whether the box holds ten reports or 100,000. Reports are grouped by a grid whose cells
/// are about <see cref="MapOptions.ClusterPixels"/> screen pixels wide at the zoom asked for (a cell
/// of one report is a single marker); from <see cref="MapOptions.PointsFromZoom"/> on, every report
/// is its own marker. The box is matched on the stored coordinates of the partial index of open
/// reports, which also carries what the grouping and the read rule need: a street's box reads a
/// narrow range of it, the whole city reads it once without touching the table.
/// </summary>
public sealed class MapReportQuery(CivicDbContext db, IOptions<MapOptions> options)
{
    /// <summary>
    /// The statement for a scope and zoom: the benchmark and the plan test run it as the map does.
    /// Clustered, it first groups by cell and category (sums, extents, the smallest id), then by cell
    /// (the category with most reports gives the colour), and reads the issue row itself only for a
    /// cell of one report. The open-report condition is a literal, as the partial index
    /// <c>ix_issues_open_by_position</c> is defined, so the index covers the whole query. At city zoom
    /// the cells are the stored integer cells divided down (few distinct values: PostgreSQL hashes the
    /// groups rather than sorting 100,000 rows; bench/README.md has the figures).
    /// </summary>
    internal static string Sql(ReportViewer scope, bool clustered, bool cityView = false) => clustered ? $"""
        WITH by_category AS (
            SELECT {(cityView ? "i.map_x12 / @cell_div AS cell_x, i.map_y12 / @cell_div AS cell_y" : "floor(i.longitude / @cell_lon) AS cell_x, floor(i.latitude / @cell_lat) AS cell_y")}, i.category_id,
                   count(*)::int AS count, sum(i.longitude) AS sum_lon, sum(i.latitude) AS sum_lat,
                   min(i.longitude) AS min_lon, min(i.latitude) AS min_lat, max(i.longitude) AS max_lon, max(i.latitude) AS max_lat,
                   min(i.id) AS id
            FROM issues i
            WHERE i.longitude BETWEEN @min_lon AND @max_lon AND i.latitude BETWEEN @min_lat AND @max_lat
              AND {IssueStatuses.OpenCondition("i")}
              AND {ReportScope.Sql(scope, "i")}
            GROUP BY 1, 2, 3
        ), cells AS (
            SELECT sum(count)::int AS count, sum(sum_lon) / sum(count) AS longitude, sum(sum_lat) / sum(count) AS latitude,
                   min(min_lon) AS min_lon, min(min_lat) AS min_lat, max(max_lon) AS max_lon, max(max_lat) AS max_lat,
                   (array_agg(category_id ORDER BY count DESC, category_id))[1] AS category_id,
                   min(id) AS id
            FROM by_category
            GROUP BY cell_x, cell_y
        )
        SELECT c.count, c.longitude, c.latitude, c.min_lon, c.min_lat, c.max_lon, c.max_lat,
               sc.code AS category, c.id, r.reference_number, r.priority, r.status,
               (sum(c.count) OVER ())::int AS total
        FROM cells c
        JOIN service_categories sc ON sc.id = c.category_id
        LEFT JOIN LATERAL (SELECT r.reference_number, r.priority, r.status FROM issues r WHERE c.count = 1 AND r.id = c.id LIMIT 1) r ON TRUE
        ORDER BY c.count DESC, c.id
        LIMIT @limit
        """ : $"""
        SELECT 1 AS count, i.longitude, i.latitude, i.longitude AS min_lon, i.latitude AS min_lat, i.longitude AS max_lon, i.latitude AS max_lat,
               sc.code AS category, i.id, i.reference_number, i.priority, i.status,
               (count(*) OVER ())::int AS total
        FROM issues i
        JOIN service_categories sc ON sc.id = i.category_id
        WHERE i.longitude BETWEEN @min_lon AND @max_lon AND i.latitude BETWEEN @min_lat AND @max_lat
          AND {IssueStatuses.OpenCondition("i")}
          AND {ReportScope.Sql(scope, "i")}
        ORDER BY i.id
        LIMIT @limit
        """;

    /// <summary>Open reports in <paramref name="box"/> at <paramref name="zoom"/> (0–22) that <paramref name="scope"/> may see.</summary>
    public async Task<MapReports> FindAsync(MapBox box, int zoom, ReportViewer scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        zoom = Math.Clamp(zoom, 0, 22);
        var (sql, parameters) = Command(box.ClampToWorld(), zoom, scope, settings);
        List<CellRow> rows;
        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            // The covering index is read in index order from memory, not as random disk reads; at the default
            // cost (4, for spinning disks) PostgreSQL would rather read every wide issue row in the city,
            // about four times slower (bench/README.md). For this statement only.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL random_page_cost = 1.1", cancellationToken);
            rows = await db.Database.SqlQueryRaw<CellRow>(sql, parameters).ToListAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var truncated = rows.Count > settings.MaxItems;
        var kept = truncated ? rows.Take(settings.MaxItems) : rows;
        var clusters = new List<MapCluster>();
        var reports = new List<MapReport>();
        foreach (var row in kept)
        {
            if (row.Count == 1)
            {
                reports.Add(new MapReport(row.Id, row.ReferenceNumber ?? 0, Round(row.Latitude), Round(row.Longitude), row.Category, row.Priority ?? string.Empty, row.Status ?? string.Empty));
            }
            else
            {
                clusters.Add(new MapCluster(
                    Round(row.Latitude), Round(row.Longitude), row.Count, row.Category,
                    Round(row.MinLon), Round(row.MinLat), Round(row.MaxLon), Round(row.MaxLat)));
            }
        }

        return new MapReports(zoom, clusters, reports, rows.Count == 0 ? 0 : rows[0].Total, truncated);
    }

    /// <summary>The SQL and its parameters, as <see cref="FindAsync"/> sends them (the plan test explains them).</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) Command(MapBox box, int zoom, ReportViewer scope, MapOptions settings)
    {
        var clustered = zoom < settings.PointsFromZoom;

        // Web Mercator: a 256-pixel tile spans 360 / 2^zoom degrees of longitude; a degree of latitude
        // is drawn 1 / cos(latitude) times taller, so cells are square on screen.
        var cellLon = 360.0 / Math.Pow(2, zoom) / 256 * settings.ClusterPixels;
        var middle = (box.MinLatitude + box.MaxLatitude) / 2 * Math.PI / 180;
        var cellLat = cellLon * Math.Max(Math.Cos(middle), 0.01);
        var parameters = new List<NpgsqlParameter>
        {
            new("min_lon", box.MinLongitude), new("min_lat", box.MinLatitude), new("max_lon", box.MaxLongitude), new("max_lat", box.MaxLatitude),
            new("limit", settings.MaxItems + 1),
        };
        var cityView = clustered && zoom <= CityViewZoom;
        if (cityView)
        {
            // Zoom-12 cells are 64 pixels; at zoom z a cell of ClusterPixels is this many of them a side.
            var divisor = Math.Max(1, (int)Math.Round(settings.ClusterPixels / 64.0 * Math.Pow(2, CityViewZoom - zoom)));
            parameters.Add(new NpgsqlParameter("cell_div", divisor));
        }
        else if (clustered)
        {
            parameters.Add(new NpgsqlParameter("cell_lon", cellLon));
            parameters.Add(new NpgsqlParameter("cell_lat", cellLat));
        }

        parameters.AddRange(ReportScope.Parameters(scope));
        return (Sql(scope, clustered, cityView), [.. parameters]);
    }

    /// <summary>
    /// Up to this zoom (a whole city or a large part of it on screen) reports are grouped on their stored
    /// zoom-12 Web Mercator cells (<c>map_x12</c>, <c>map_y12</c>); closer in, on a grid of the box's own degrees.
    /// </summary>
    internal const int CityViewZoom = 12;

    private static double Round(double degrees) => Math.Round(degrees, 6);

    private sealed record CellRow(
        int Count, double Longitude, double Latitude, double MinLon, double MinLat, double MaxLon, double MaxLat,
        string Category, long Id, int? ReferenceNumber, string? Priority, string? Status, int Total);
}
