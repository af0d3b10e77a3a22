using BenchmarkDotNet.Attributes;
using CivicConnect.Data;
using CivicConnect.Geo;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CivicConnect.Benchmarks.Wards;

/// <summary>
/// Which ward holds a random point in Calgary's bounding box. <see cref="WardLookup"/> goes through
/// the server's own composition (<c>AddData</c> + <c>AddGeo</c>: the NetTopologySuite data source,
/// the pooled <see cref="CivicDbContext"/>, a scoped <see cref="IWardLookup"/> per call, as per
/// request in the server); <see cref="RawNpgsql"/> is one hand-written query on the same data
/// source, so the Mean ratio column is what EF Core and the service layer cost on top of PostGIS.
/// Needs the database <c>civic bench</c> prepares (ConnectionStrings__Civic, wards imported).
/// </summary>
// BenchmarkDotNet generates a subclass of the benchmark class, so it must be public and unsealed.
[Config(typeof(PerCallConfig))]
public class WardLookupBenchmarks
{
    // Calgary's bounding box: about three in five of the seeded points fall inside a ward, the rest outside city limits.
    private const double West = -114.32, East = -113.86, South = 50.84, North = 51.22;
    private const int Seed = 311;
    private const int PointCount = 4096; // a power of two: the next point is an index mask away

    private const string RawSql =
        "SELECT code FROM wards WHERE ST_Contains(boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326)) LIMIT 1";

    private readonly (double Longitude, double Latitude)[] points = CreatePoints();
    private IHost? host;
    private NpgsqlDataSource? dataSource;
    private int next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.AddData();
        builder.AddGeo();
        host = builder.Build();
        dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

        // Every benchmark starts at the first point, also when several share a process (in-process toolchains).
        next = 0;
        Console.WriteLine($"// {await CountPointsInsideWardsAsync()} of {PointCount} benchmark points lie inside a ward");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        host?.Dispose();
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync(); // registered as an instance, so the container does not own it
        }
    }

    [Benchmark(Baseline = true, Description = "raw Npgsql ST_Contains")]
    public async Task<string?> RawNpgsql()
    {
        var (longitude, latitude) = NextPoint();
        await using var command = dataSource!.CreateCommand(RawSql);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = longitude });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = latitude });
        return await command.ExecuteScalarAsync() as string;
    }

    [Benchmark(Description = "IWardLookup (EF Core)")]
    public async Task<WardMatch?> WardLookup()
    {
        var (longitude, latitude) = NextPoint();
        await using var scope = host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWardLookup>().FindAsync(latitude, longitude, CancellationToken.None);
    }

    private (double Longitude, double Latitude) NextPoint() => points[next++ & (PointCount - 1)];

    private static (double, double)[] CreatePoints()
    {
        var random = new Random(Seed);
        var result = new (double, double)[PointCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (West + (random.NextDouble() * (East - West)), South + (random.NextDouble() * (North - South)));
        }

        return result;
    }

    /// <summary>Fails fast on an empty wards table (every lookup would miss and the figures would mean nothing).</summary>
    private async Task<long> CountPointsInsideWardsAsync()
    {
        await using var command = dataSource!.CreateCommand(
            """
            SELECT (SELECT count(*) FROM wards),
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM wards w WHERE ST_Contains(w.boundary, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))))
            FROM unnest($1::float8[], $2::float8[]) AS p(lon, lat)
            """);
        command.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = [.. points.Select(p => p.Longitude)] });
        command.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = [.. points.Select(p => p.Latitude)] });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.GetInt64(0) == 0)
        {
            throw new InvalidOperationException("The wards table is empty: run `civic bench` (it imports the Calgary wards) or `civic wards import FILE`.");
        }

        return reader.GetInt64(1);
    }
}
