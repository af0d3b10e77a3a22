using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Data.Seeding;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;
using CivicConnect.Geo.Wards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL + PostGIS database for one test class, cloned from a template that holds
/// the migrated schema, the seed catalog and the Calgary wards. Cloning takes a fraction of a
/// second, so every class starts from the same known state and classes can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? templateName;

    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => WithDatabase(Name);

    public static string PlacesFile => Path.Combine(RepositoryPaths.Seed, "places.json");

    public static string MunicipalitiesFile => Path.Combine(RepositoryPaths.Seed, "municipalities.json");

    public static string WardsFile => Path.Combine(SharedData, "calgary-wards-2017.geojson");

    /// <summary>The City registers the street gazetteer is imported from.</summary>
    public static string PlaceRegisters => Path.Combine(SharedData, "calgary");

    private static string SharedData =>
        Environment.GetEnvironmentVariable("CIVIC_SHARED_DATA") is { Length: > 0 } dir ? dir : RepositoryPaths.SharedData;

    public async Task InitializeAsync()
    {
        var template = await EnsureTemplateAsync();
        await AdminAsync($"CREATE DATABASE \"{Name}\" TEMPLATE \"{template}\"");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    public CivicDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<CivicDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.BuildDataSource(ConnectionString));
        return new CivicDbContext(options.Options);
    }

    public static string AdminConnectionString
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CIVIC_TEST_ADMIN_CONNECTION");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            // Started without `civic test`: use the private cluster that `civic` manages.
            var portFile = Path.Combine(RepositoryPaths.RootDirectory, ".data", "pg.port");
            if (!File.Exists(portFile))
            {
                throw new InvalidOperationException("No test database: run the tests with `./civic test` (it starts PostgreSQL), or set CIVIC_TEST_ADMIN_CONNECTION.");
            }

            return $"Host=127.0.0.1;Port={File.ReadAllText(portFile).Trim()};Database=postgres;Username=civic";
        }
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, MaxPoolSize = 50 }.ConnectionString;

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (templateName is not null)
            {
                return templateName;
            }

            // Several test processes may start at once: a session-level advisory lock lets one build it.
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(424242)", admin))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            var name = "tmpl_" + TemplateFingerprint();
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
            {
                exists.Parameters.AddWithValue("n", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await BuildTemplateAsync(admin, name);
                }
            }

            templateName = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task BuildTemplateAsync(NpgsqlConnection admin, string name)
    {
        var building = name + "_building";
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{building}\"");
        var options = new DbContextOptionsBuilder<CivicDbContext>();
        await using (var dataSource = DataServiceCollectionExtensions.BuildDataSource(WithDatabase(building)))
        {
            DataServiceCollectionExtensions.Configure(options, dataSource);
            await using var db = new CivicDbContext(options.Options);
            await db.Database.MigrateAsync();
            await new ServiceCatalogSeeder(db).SeedAsync(ServiceCatalogSeeder.Read(Path.Combine(RepositoryPaths.Seed, "service-catalog.json")), CancellationToken.None);
            await using var wards = File.OpenRead(WardsFile);
            await new WardImporter(db, new FakeTimeProvider()).ImportAsync(wards, new WardImportRequest("ward_num", "label"), CancellationToken.None);
            // The street gazetteer as `civic places import` builds it from the City registers.
            var places = PlaceSources.Read(PlaceRegisters, PlacesFile, progress: null);
            await new PlaceImporter(dataSource, new PlaceGazetteer(dataSource, NullLogger<PlaceGazetteer>.Instance)).ImportAsync(places, progress: null, CancellationToken.None);
            await using var municipalities = File.OpenRead(MunicipalitiesFile);
            await new MunicipalityImporter(db).ImportAsync(MunicipalityFile.Read(municipalities, MunicipalitiesFile), CancellationToken.None);
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
    }

    /// <summary>Changes whenever migrations, seed data or wards change, so a stale template is never reused.</summary>
    private static string TemplateFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var migrations = typeof(CivicDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(migration));
        }

        hash.AppendData(File.ReadAllBytes(Path.Combine(RepositoryPaths.Seed, "service-catalog.json")));
        hash.AppendData(File.ReadAllBytes(WardsFile));
        hash.AppendData(File.ReadAllBytes(PlacesFile));

        // The registers (by name and size) and the code that reads them (a rebuilt Geo reads them anew).
        foreach (var register in Directory.EnumerateFiles(PlaceRegisters).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetFileName(register)}:{new FileInfo(register).Length}"));
        }

        hash.AppendData(typeof(PlaceImporter).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(File.ReadAllBytes(MunicipalitiesFile));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
