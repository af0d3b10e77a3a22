using System.Text;
using CivicConnect.Geo.Duplicates;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>With a city's worth of open issues, the duplicate query must stay on the GiST index, not scan the table.</summary>
public sealed class DuplicateQueryPlanTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task With_10000_open_issues_the_duplicate_query_uses_the_gist_index()
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();

        // Spread over Calgary's box, every category, all open; a fixed seed keeps the plan test repeatable.
        await db.Database.ExecuteSqlAsync($"""
            SELECT setseed(0.42);
            INSERT INTO issues (category_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
            SELECT (SELECT id FROM service_categories ORDER BY id OFFSET (n % (SELECT count(*) FROM service_categories)) LIMIT 1),
                   'Normal', 'Received', 0, 'generated ' || n,
                   ST_SetSRID(ST_MakePoint(-114.30 + random() * 0.42, 50.85 + random() * 0.35), 4326),
                   'web', 'en', jsonb_build_object(), 0, {now}, {now}
            FROM generate_series(1, 10000) AS n;
            ANALYZE issues;
            """);

        var plan = await ExplainAsync(db, "pothole", 51.0379, -114.0720, 50, now.AddDays(-90));

        Assert.Contains("ix_issues_location", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on issues", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(DbContext db, string category, double lat, double lon, double radius, DateTimeOffset since)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + NearbyDuplicateFinder.Sql, connection);
        command.Parameters.AddRange(NearbyDuplicateFinder.Parameters([category], lat, lon, radius, since, 5));
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }
}
