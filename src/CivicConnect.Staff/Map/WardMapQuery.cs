using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Staff.Map;

/// <summary>
/// The wards as map vectors with the open reports in each that a scope may see: the map's ward
/// layer and the dashboard's shaded ward map. Boundaries are simplified (about 10 m) and written
/// with 6 decimals, so the whole city is a few tens of kilobytes rather than the survey's detail.
/// </summary>
public sealed class WardMapQuery(CivicDbContext db)
{
    // Tolerance in degrees: 0.0001° is about 11 m north–south in Calgary, invisible at city zoom.
    private const double Tolerance = 0.0001;

    internal static string Sql(ReportViewer scope) => $"""
        SELECT w.code, w.name, coalesce(o.open_reports, 0)::int AS open_reports,
               ST_AsGeoJSON(ST_SimplifyPreserveTopology(w.boundary, @tolerance), 6) AS geometry
        FROM wards w
        LEFT JOIN (SELECT i.ward_id, count(*) AS open_reports
                   FROM issues i
                   WHERE i.status <> ALL(@closed) AND {ReportScope.Sql(scope, "i")}
                   GROUP BY i.ward_id) o ON o.ward_id = w.id
        ORDER BY w.id
        """;

    public async Task<IReadOnlyList<WardShape>> FindAsync(ReportViewer scope, CancellationToken cancellationToken)
    {
        NpgsqlParameter[] parameters = [new("tolerance", Tolerance), new("closed", IssueStatuses.FinishedNames), .. ReportScope.Parameters(scope)];
        return await db.Database.SqlQueryRaw<WardShape>(Sql(scope), parameters).ToListAsync(cancellationToken);
    }
}

/// <param name="Geometry">The boundary as a GeoJSON geometry object (text).</param>
public sealed record WardShape(string Code, string Name, int OpenReports, string Geometry);
