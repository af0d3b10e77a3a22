using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Geo;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Perfolizer.Mathematics.OutlierDetection;

namespace CivicConnect.Benchmarks.Map;

/// <summary>
/// The console's two busiest reads with 100,000 open reports in the database: the queue's first
/// page (today the staff API's <c>GET /api/issues</c> code, <see cref="IssueEndpoints.ListIssues"/>,
/// called as the endpoint calls it) and the map's box query (<see cref="MapReportQuery"/>, as the
/// map page and <c>GET /api/map/reports</c> call it) at city zoom and at street zoom. Each call opens
/// a DI scope (a pooled CivicDbContext), as a request does. The 100,000 reports (channel
/// <c>bench-map</c>) are written once with COPY at random points inside Calgary's wards, over every
/// category and the open statuses, reported over the last 90 days; later runs reuse them.
/// </summary>
[Config(typeof(Config))]
public class MapAndQueueBenchmarks
{
    public const int Reports = 100_000;
    private const string Channel = "bench-map";

    // Calgary's box (city zoom: the whole city fills a 1280 × 800 map at zoom 11) and a downtown
    // street view at zoom 16 (1280 × 800 pixels around 8 Ave SW).
    private static readonly MapBox CityBox = new(-114.32, 50.84, -113.86, 51.22);
    private static readonly MapBox StreetBox = new(-114.0850, 51.0400, -114.0575, 51.0508);

    private static readonly ClaimsPrincipal Supervisor = new(new ClaimsIdentity([new Claim(CivicClaims.Role, CivicRoles.Supervisor)], "bench", CivicClaims.Name, CivicClaims.Role));

    private static readonly ClaimsPrincipal RoadsStaff = new(new ClaimsIdentity(
        [new Claim(CivicClaims.Role, CivicRoles.Staff), new Claim(CivicClaims.Department, "ROADS")], "bench", CivicClaims.Name, CivicClaims.Role));

    private IHost? host;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(RepositoryPaths.AppSettings, optional: true).AddEnvironmentVariables();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddData();
        builder.AddGeo();
        builder.Services.AddSingleton(Options.Create(new MapOptions()));
        builder.Services.AddScoped<MapReportQuery>();
        builder.Services.AddScoped<ReportQueries>();
        host = builder.Build();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var seeded = await db.Issues.CountAsync(i => i.Channel == Channel);
        if (seeded != Reports)
        {
            await SeedAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), seeded);
        }

        // A live table is vacuumed by autovacuum as reports change; a freshly seeded or migrated one may
        // not be yet, and an index-only scan must then visit the table for every row it finds.
        await using (var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) issues", await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync()) { CommandTimeout = 600 })
        {
            await vacuum.ExecuteNonQueryAsync();
            await vacuum.Connection!.DisposeAsync();
        }

        // The measured paths must answer for real: the whole city holds at least the seeded reports.
        var city = await CityZoomMap();
        var page = await QueueFirstPage();
        Console.WriteLine($"// map at city zoom: {city.Total} open reports in {city.Clusters.Count} clusters and {city.Reports.Count} markers; queue: {page.Total} issues");
        if (city.Total < Reports || page.Items.Count == 0)
        {
            throw new InvalidOperationException("the benchmark database does not hold the seeded reports");
        }
    }

    /// <summary>The map's city-wide statement before the stored coordinates and their partial index (supervisor: no scope condition), kept as the baseline.</summary>
    private const string BeforeSql = """
        WITH open_reports AS (
            SELECT i.id, i.reference_number, i.category_id, i.priority, i.status,
                   ST_X(i.location) AS lon, ST_Y(i.location) AS lat
            FROM issues i
            WHERE i.location && ST_MakeEnvelope(@min_lon, @min_lat, @max_lon, @max_lat, 4326)
              AND i.status <> ALL(@closed)
              AND TRUE
        ), cells AS (
            SELECT count(*)::int AS count, avg(lon) AS longitude, avg(lat) AS latitude,
                   min(lon) AS min_lon, min(lat) AS min_lat, max(lon) AS max_lon, max(lat) AS max_lat,
                   mode() WITHIN GROUP (ORDER BY category_id) AS category_id,
                   min(id) AS id, min(reference_number) AS reference_number, min(priority) AS priority, min(status) AS status
            FROM open_reports
            GROUP BY floor(lon / @cell_lon), floor(lat / @cell_lat)
        )
        SELECT c.count, c.longitude, c.latitude, c.min_lon, c.min_lat, c.max_lon, c.max_lat,
               sc.code AS category, c.id, c.reference_number, c.priority, c.status,
               (sum(c.count) OVER ())::int AS total
        FROM cells c JOIN service_categories sc ON sc.id = c.category_id
        ORDER BY c.count DESC, c.id
        LIMIT @limit
        """;

    [GlobalCleanup]
    public void Cleanup() => host?.Dispose();

    [Benchmark(Description = "queue first page (ReportQueries, as the queue page and GET /api/issues call it; supervisor, 50 newest + count)")]
    public async Task<IssuePage> QueueFirstPage()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportQueries>();
        return await reports.ListAsync(new ReportFilter(), ReportViewer.From(Supervisor), CancellationToken.None);
    }

    [Benchmark(Description = "queue first page, one department's open reports (ROADS)")]
    public async Task<IssuePage> QueueFirstPageOneDepartment()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportQueries>();
        var filter = new ReportFilter { Department = "ROADS", Status = ["Received", "Triaged", "Assigned", "InProgress"] };
        return await reports.ListAsync(filter, ReportViewer.From(Supervisor), CancellationToken.None);
    }

    [Benchmark(Description = "map box, city zoom 11 (whole city, clustered)")]
    public async Task<MapReports> CityZoomMap()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MapReportQuery>().FindAsync(CityBox, 11, ReportViewer.From(Supervisor), CancellationToken.None);
    }

    [Benchmark(Description = "BEFORE: map box, city zoom 11, the query as it was on 2026-12-03 (geometry read per row, mode() per cell)")]
    public async Task<int> CityZoomMapBefore()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            // The same grid as MapReportQuery at zoom 11 (64-pixel cells).
            var cellLon = 360.0 / Math.Pow(2, 11) / 256 * 64;
            var cellLat = cellLon * Math.Cos((CityBox.MinLatitude + CityBox.MaxLatitude) / 2 * Math.PI / 180);
            await using var command = new NpgsqlCommand(BeforeSql, connection);
            command.Parameters.AddRange(new NpgsqlParameter[]
            {
                new("min_lon", CityBox.MinLongitude), new("min_lat", CityBox.MinLatitude), new("max_lon", CityBox.MaxLongitude), new("max_lat", CityBox.MaxLatitude),
                new("closed", IssueStatuses.FinishedNames), new("limit", 5001), new("cell_lon", cellLon), new("cell_lat", cellLat),
            });
            var cells = 0;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cells++;
            }

            return cells;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Benchmark(Description = "map box, city zoom 11, staff of ROADS")]
    public async Task<MapReports> CityZoomMapOneDepartment()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MapReportQuery>().FindAsync(CityBox, 11, ReportViewer.From(RoadsStaff), CancellationToken.None);
    }

    [Benchmark(Description = "map box, street zoom 16 (downtown)")]
    public async Task<MapReports> StreetZoomMap()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MapReportQuery>().FindAsync(StreetBox, 16, ReportViewer.From(Supervisor), CancellationToken.None);
    }

    /// <summary>
    /// COPY the candidate points (seeded random, 1.8 × as many as needed, in Calgary's box) into a
    /// temporary table, then keep the first 100,000 that fall inside a ward, with that ward.
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource, int existing)
    {
        Console.WriteLine($"// seeding {Reports:N0} open reports (found {existing:N0})");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand("""
            DELETE FROM issues WHERE channel = 'bench-map';
            CREATE TEMP TABLE bench_points (n int, lon float8, lat float8, category int, status int, age_minutes int) ON COMMIT DROP;
            """, connection))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            prepare.Transaction = transaction;
            prepare.CommandTimeout = 600;
            await prepare.ExecuteNonQueryAsync();

            var random = new Random(311);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_points (n, lon, lat, category, status, age_minutes) FROM STDIN (FORMAT BINARY)"))
            {
                for (var n = 0; n < Reports * 18 / 10; n++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(n, NpgsqlDbType.Integer);
                    await copy.WriteAsync(CityBox.MinLongitude + (random.NextDouble() * (CityBox.MaxLongitude - CityBox.MinLongitude)), NpgsqlDbType.Double);
                    await copy.WriteAsync(CityBox.MinLatitude + (random.NextDouble() * (CityBox.MaxLatitude - CityBox.MinLatitude)), NpgsqlDbType.Double);
                    await copy.WriteAsync(random.Next(1000), NpgsqlDbType.Integer);
                    await copy.WriteAsync(random.Next(4), NpgsqlDbType.Integer);
                    await copy.WriteAsync(random.Next(90 * 24 * 60), NpgsqlDbType.Integer);
                }

                await copy.CompleteAsync();
            }

            await using var insert = new NpgsqlCommand("""
                WITH categories AS (SELECT id, department_id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM service_categories),
                inside AS (
                    SELECT p.*, w.id AS ward_id, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) AS location
                    FROM bench_points p
                    JOIN LATERAL (SELECT id FROM wards w WHERE ST_Contains(w.boundary, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) LIMIT 1) w ON TRUE
                    ORDER BY p.n
                    LIMIT @reports
                )
                INSERT INTO issues (category_id, department_id, ward_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count,
                                    deadline, created_at, updated_at)
                SELECT c.id, c.department_id, i.ward_id, 'Normal', (ARRAY['Received', 'Triaged', 'Assigned', 'InProgress'])[i.status + 1], 0,
                       'benchmark report ' || i.n, i.location, 'bench-map', 'en', '{}'::jsonb, 0,
                       now() - make_interval(mins => i.age_minutes) + interval '72 hours',
                       now() - make_interval(mins => i.age_minutes), now() - make_interval(mins => i.age_minutes)
                FROM inside i JOIN categories c ON c.k = i.category % c.total;
                """, connection, transaction);
            insert.Parameters.AddWithValue("reports", Reports);
            insert.CommandTimeout = 600;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE issues", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>One call per measured iteration, nothing dropped as an outlier; in process, and short enough for the whole class to run in a few minutes even when a city-wide call takes half a second; P99 of 100 calls is their slowest but one.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("PerCallInProcess")
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(100)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithGcForce(false)
                .WithEvaluateOverhead(false));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.OperationsPerSecond);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
