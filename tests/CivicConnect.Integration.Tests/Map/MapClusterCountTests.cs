using System.Text;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>
/// The map's clustering over 3,000 reports spread over Calgary (a tenth closed): whatever the zoom
/// and box, the clusters' counts and the single markers add up to the open reports in the box, and a
/// street-sized box is answered from the GiST index on the location.
/// </summary>
public sealed class MapClusterCountTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>, IAsyncLifetime
{
    private static readonly MapBox City = new(-114.32, 50.84, -113.86, 51.22);

    public async Task InitializeAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        if (!await db.Issues.AnyAsync())
        {
            await MapRows.SpreadAsync(db, 3000);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClusterCounts_AddUpToTheOpenReportsInTheBox_AtEveryZoom()
    {
        await using var db = fixture.Database.CreateDbContext();

        foreach (var zoom in new[] { 9, 11, 13, 15, 17 })
        {
            foreach (var box in new[] { City, new MapBox(-114.15, 51.0, -114.0, 51.08) })
            {
                var found = await FindAsync(box, zoom, Readers.Supervisor);
                var expected = await db.Database.SqlQuery<int>($"""
                    SELECT count(*)::int AS "Value" FROM issues
                    WHERE location && ST_MakeEnvelope({box.MinLongitude}, {box.MinLatitude}, {box.MaxLongitude}, {box.MaxLatitude}, 4326)
                      AND status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')
                    """).SingleAsync();

                Assert.False(found.Truncated);
                Assert.Equal(expected, found.Total);
                Assert.Equal(expected, found.Clusters.Sum(c => c.Count) + found.Reports.Count);
                Assert.All(found.Clusters, c => Assert.True(c.Count >= 2));
            }
        }

        // Zoomed out, the city's thousands of reports are a few dozen markers, not thousands.
        var city = await FindAsync(City, 10, Readers.Supervisor);
        Assert.InRange(city.Clusters.Count + city.Reports.Count, 1, 100);
    }

    [Fact]
    public async Task AtStreetZoom_TheIndexOfOpenReportsAnswersTheBox()
    {
        await using var db = fixture.Database.CreateDbContext();

        var (sql, parameters) = MapReportQuery.Command(new MapBox(-114.0600, 51.0440, -114.0560, 51.0465), 16, Readers.Staff("roads"), new MapOptions());
        var plan = await ExplainAsync(db, sql, parameters);

        Assert.Contains("ix_issues_open_by_position", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on issues", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// The whole city (every open report) is grouped from the partial index alone, never reading the
    /// wide issue rows: the index covers the box, the grid, the category and the department rule.
    /// With only 3,000 rows the planner would rather scan the table, so the test takes that choice away
    /// and checks what is left is an index-only scan (a column the index lacks would make it impossible).
    /// </summary>
    [Fact]
    public async Task AtCityZoom_EveryOpenReportIsGroupedFromTheIndexAlone()
    {
        await using var db = fixture.Database.CreateDbContext();

        // As autovacuum leaves a table in service: the visibility map set (an index-only scan reads no rows) and
        // statistics current. Freshly written rows would make every index scan fetch rows, and the planner would
        // rightly pick a smaller index of open reports (by creation or deadline, for the queue) over the covering one.
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) issues");
        var (sql, parameters) = MapReportQuery.Command(City, 11, Readers.Supervisor, new MapOptions());
        var plan = await ExplainAsync(db, sql, parameters, "SET enable_seqscan = off; SET enable_bitmapscan = off;");

        Assert.True(plan.Contains("Index Only Scan using ix_issues_open_by_position on issues i", StringComparison.Ordinal), plan);
    }

    private async Task<MapReports> FindAsync(MapBox box, int zoom, ReportViewer scope)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await new MapReportQuery(db, Options.Create(new MapOptions())).FindAsync(box, zoom, scope, CancellationToken.None);
    }

    private static async Task<string> ExplainAsync(DbContext db, string sql, NpgsqlParameter[] parameters, string? settings = null)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        if (settings is not null)
        {
            await using var set = new NpgsqlCommand(settings, connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        command.Parameters.AddRange(parameters);
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        if (settings is not null)
        {
            await reader.DisposeAsync();
            await using var reset = new NpgsqlCommand("RESET ALL", connection);
            await reset.ExecuteNonQueryAsync();
        }

        return plan.ToString();
    }
}
