using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CivicConnect.Data;
using CivicConnect.Geo;
using CivicConnect.Geo.Duplicates;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Perfolizer.Mathematics.OutlierDetection;

namespace CivicConnect.Benchmarks.Location;

/// <summary>
/// Ward lookup and the duplicate query through the server's own services (AddData + AddGeo, a DI
/// scope per call as per request) with 10,000 or 100,000 open issues spread over Calgary. The
/// issues are generated in one INSERT … SELECT generate_series (marked, and replaced at each
/// set-up, so the count is exact); each measured iteration is one call, so P50/P99 are of single calls.
/// </summary>
[Config(typeof(Config))]
public class LocationQueryBenchmarks
{
    private const string Marker = "bench-generated";
    private const double West = -114.30, South = 50.85, Width = 0.42, Height = 0.35;
    private const int PointCount = 4096;

    private static readonly string[] Categories = ["pothole", "streetlight", "graffiti", "sidewalk", "snow-ice"];

    private readonly (double Longitude, double Latitude)[] points = CreatePoints();
    private IHost? host;
    private int next;

    [Params(10_000, 100_000)]
    public int OpenIssues { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddData();
        builder.AddGeo();
        host = builder.Build();
        next = 0;

        // One connection: setseed applies to the session, so the generated points are the same every run.
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await ExecuteAsync(connection, $"DELETE FROM issues WHERE description LIKE '{Marker}%'");
        await ExecuteAsync(connection, "SELECT setseed(0.311)");
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO issues (category_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
            SELECT (SELECT id FROM service_categories ORDER BY id OFFSET (n % (SELECT count(*) FROM service_categories)) LIMIT 1),
                   'Normal', 'Received', 0, '{Marker} ' || n,
                   ST_SetSRID(ST_MakePoint({West} + random() * {Width}, {South} + random() * {Height}), 4326),
                   'web', 'en', jsonb_build_object(), 0, now() - (n % 60) * interval '1 day', now()
            FROM generate_series(1, {OpenIssues}) AS n
            """));
        await ExecuteAsync(connection, "ANALYZE issues");
        Console.WriteLine($"// {OpenIssues} generated open issues in the database");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (host is not null)
        {
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            host.Dispose();
            await dataSource.DisposeAsync();
        }
    }

    [Benchmark(Description = "IWardLookup.FindAsync")]
    public async Task<WardMatch?> WardLookup()
    {
        var (longitude, latitude) = NextPoint();
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWardLookup>().FindAsync(latitude, longitude, CancellationToken.None);
    }

    [Benchmark(Description = "IDuplicateFinder.RankAsync (query)")]
    public async Task<int> DuplicateQuery()
    {
        var (longitude, latitude) = NextPoint();
        await using var scope = host!.Services.CreateAsyncScope();
        var category = Categories[next % Categories.Length];
        var ranked = await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().RankAsync(category, latitude, longitude, null, CancellationToken.None);
        return ranked.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private (double Longitude, double Latitude) NextPoint() => points[next++ & (PointCount - 1)];

    private static (double, double)[] CreatePoints()
    {
        var random = new Random(311);
        return Enumerable.Range(0, PointCount).Select(_ => (West + (random.NextDouble() * Width), South + (random.NextDouble() * Height))).ToArray();
    }

    /// <summary>One call per measured iteration, nothing dropped as an outlier; in process and shorter than PerCallConfig so both sizes run in a few minutes.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("PerCallInProcess")
                .WithLaunchCount(1)
                .WithWarmupCount(300)
                .WithIterationCount(1000)
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
