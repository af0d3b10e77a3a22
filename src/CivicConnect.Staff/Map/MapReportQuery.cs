using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Staff.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Staff.Map;

/// <summary>
/// The open reports in a map's box, clustered by PostgreSQL so the browser gets a few hundred
/// markers whether the box holds ten reports or 100,000. Reports are grouped by a grid whose cells
/// are about <see cref="MapOptions.ClusterPixels"/> screen pixels wide at the zoom asked for (a cell
/// of one report is a single marker); from <see cref="MapOptions.PointsFromZoom"/> on, every report
/// is its own marker. The box is matched with <c>&amp;&amp;</c> so the GiST index on the location
/// answers it when the box is small (a street); a city-wide box reads every open report once.
/// </summary>
public sealed class MapReportQuery(CivicDbContext db, IOptions<MapOptions> options)
{
    /// <summary>The statement for a scope and zoom: the benchmark and the plan test run it as the map does.</summary>
    internal static string Sql(ReportScope scope, bool clustered) => $"""
        WITH open_reports AS (
            SELECT i.id, i.reference_number, i.category_id, i.priority, i.status,
                   ST_X(i.location) AS lon, ST_Y(i.location) AS lat
            FROM issues i
            WHERE i.location && ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326)
              AND i.status <> ALL(@closed)
              AND {scope.Sql("i")}
        ), cells AS (
            SELECT count(*)::int AS count, avg(lon) AS longitude, avg(lat) AS latitude,
                   min(lon) AS min_lon, min(lat) AS min_lat, max(lon) AS max_lon, max(lat) AS max_lat,
                   mode() WITHIN GROUP (ORDER BY category_id) AS category_id,
                   min(id) AS id, min(reference_number) AS reference_number, min(priority) AS priority, min(status) AS status
            FROM open_reports
            GROUP BY {(clustered ? "floor(lon / @cell_lon), floor(lat / @cell_lat)" : "id")}
        )
        SELECT c.count, c.longitude, c.latitude, c.min_lon, c.min_lat, c.max_lon, c.max_lat,
               sc.code AS category, c.id, c.reference_number, c.priority, c.status,
               (sum(c.count) OVER ())::int AS total
        FROM cells c JOIN service_categories sc ON sc.id = c.category_id
        ORDER BY c.count DESC, c.id
        LIMIT @limit
        """;

    /// <summary>Open reports in <paramref name="box"/> at <paramref name="zoom"/> (0–22) that <paramref name="scope"/> may see.</summary>
    public async Task<MapReports> FindAsync(MapBox box, int zoom, ReportScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        zoom = Math.Clamp(zoom, 0, 22);
        var (sql, parameters) = Command(box.ClampToWorld(), zoom, scope, settings);
        var rows = await db.Database.SqlQueryRaw<CellRow>(sql, parameters).ToListAsync(cancellationToken);

        var truncated = rows.Count > settings.MaxItems;
        var kept = truncated ? rows.Take(settings.MaxItems) : rows;
        var clusters = new List<MapCluster>();
        var reports = new List<MapReport>();
        foreach (var row in kept)
        {
            if (row.Count == 1)
            {
                reports.Add(new MapReport(row.Id, row.ReferenceNumber, Round(row.Latitude), Round(row.Longitude), row.Category, row.Priority, row.Status));
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
    internal static (string Sql, NpgsqlParameter[] Parameters) Command(MapBox box, int zoom, ReportScope scope, MapOptions settings)
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
            new("closed", IssueStatuses.FinishedNames),
            new("limit", settings.MaxItems + 1),
        };
        if (clustered)
        {
            parameters.Add(new NpgsqlParameter("cell_lon", cellLon));
            parameters.Add(new NpgsqlParameter("cell_lat", cellLat));
        }

        parameters.AddRange(scope.Parameters());
        return (Sql(scope, clustered), [.. parameters]);
    }

    private static double Round(double degrees) => Math.Round(degrees, 6);

    private sealed record CellRow(
        int Count, double Longitude, double Latitude, double MinLon, double MinLat, double MaxLon, double MaxLat,
        string Category, long Id, int ReferenceNumber, string Priority, string Status, int Total);
}
