using CivicConnect.Data;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Integration.Tests.Foundation;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string name = "t_empty_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryTableWithSpatialIndexes()
    {
        await using var db = CreateDbContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        foreach (var table in new[] { "wards", "departments", "service_categories", "issues", "issue_events", "issue_media", "issue_subscribers", "conversations", "inbox_messages", "outbox_messages" })
        {
            Assert.Contains(table, tables);
        }

        var gistIndexes = await db.Database.SqlQueryRaw<string>(
            "SELECT tablename || '.' || indexdef AS \"Value\" FROM pg_indexes WHERE indexdef LIKE '%USING gist%'").ToListAsync();
        Assert.Contains(gistIndexes, i => i.StartsWith("wards.", StringComparison.Ordinal) && i.Contains("boundary", StringComparison.Ordinal));
        Assert.Contains(gistIndexes, i => i.StartsWith("issues.", StringComparison.Ordinal) && i.Contains("location", StringComparison.Ordinal));

        var boundaryType = await db.Database.SqlQueryRaw<string>(
            "SELECT format_type(atttypid, atttypmod) AS \"Value\" FROM pg_attribute WHERE attrelid = 'wards'::regclass AND attname = 'boundary'").SingleAsync();
        Assert.Equal("geometry(MultiPolygon,4326)", boundaryType);
    }

    [Fact]
    public async Task Migrate_Twice_IsANoOp()
    {
        await using var db = CreateDbContext();

        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();

        // Every migration applied exactly once, none left pending (whatever their number).
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private CivicDbContext CreateDbContext()
    {
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = name }.ConnectionString;
        var options = new DbContextOptionsBuilder<CivicDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.BuildDataSource(connection));
        return new CivicDbContext(options.Options);
    }
}
