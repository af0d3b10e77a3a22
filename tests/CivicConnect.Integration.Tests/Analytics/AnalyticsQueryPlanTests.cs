using System.Text;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Staff.Dashboard;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Integration.Tests.Analytics;

/// <summary>
/// With a year of a city's reports (20,000 issues and their histories), a dashboard's usual question —
/// one week, optionally one department — must be answered from indexes, never by reading every issue
/// or every history line.
/// </summary>
public sealed class AnalyticsQueryPlanTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>
{
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryFigure_ForOneWeek_IsServedByIndexes()
    {
        await using var db = fixture.Database.CreateDbContext();
        await SeedYearAsync(db);
        var roads = await db.Departments.AsNoTracking().Where(d => d.Code == "ROADS").Select(d => d.Id).SingleAsync();

        var week = new AnalyticsScope(YearStart.AddDays(140), YearStart.AddDays(147), null, null);
        var roadsWeek = week with { DepartmentId = roads, DepartmentCode = "ROADS" };
        foreach (var scope in new[] { week, roadsWeek })
        {
            foreach (var (name, sql) in AnalyticsQueries.All(scope))
            {
                var plan = await ExplainAsync(db, sql, scope);

                Assert.True(plan.Contains("ix_issues_created_at", StringComparison.Ordinal) || plan.Contains("ix_issues_department_id_created_at", StringComparison.Ordinal), $"{name} does not use an issues index:\n{plan}");
                Assert.DoesNotContain("Seq Scan on issues", plan, StringComparison.Ordinal);
                Assert.DoesNotContain("Seq Scan on issue_events", plan, StringComparison.Ordinal);
            }
        }
    }

    private static async Task SeedYearAsync(DbContext db)
    {
        // Spread over the year and every category; every issue is reported, most triaged, half resolved,
        // a tenth escalated. A fixed seed keeps the plan test repeatable.
        await db.Database.ExecuteSqlAsync($"""
            SELECT setseed(0.42);
            INSERT INTO issues (category_id, department_id, ward_id, priority, status, escalation_level, description, channel, locale, attributes, vote_count,
                                deadline, satisfaction, created_at, updated_at)
            SELECT c.id, c.department_id, (SELECT id FROM wards ORDER BY id OFFSET (n % 14) LIMIT 1), 'Normal',
                   CASE WHEN n % 2 = 0 THEN 'Resolved' ELSE 'Triaged' END, CASE WHEN n % 10 = 0 THEN 1 ELSE 0 END,
                   'generated ' || n, 'web', 'en', jsonb_build_object(), 0,
                   t + interval '48 hours', CASE WHEN n % 4 = 0 THEN 1 + n % 5 END, t, t
            FROM generate_series(1, 20000) AS n
            CROSS JOIN LATERAL (SELECT {YearStart} + (n * interval '26 minutes') AS t) AS times
            CROSS JOIN LATERAL (SELECT id, department_id FROM service_categories ORDER BY id OFFSET (n % (SELECT count(*) FROM service_categories)) LIMIT 1) AS c;
            INSERT INTO issue_events (issue_id, kind, actor, from_status, to_status, is_public, occurred_at)
            SELECT id, 'transition', 'citizen', NULL, 'Received', true, created_at FROM issues
            UNION ALL SELECT id, 'transition', 'staff', 'Received', 'Triaged', false, created_at + interval '3 hours' FROM issues
            UNION ALL SELECT id, 'transition', 'staff', 'Triaged', 'Resolved', false, created_at + (random() * interval '96 hours') FROM issues WHERE status = 'Resolved'
            UNION ALL SELECT id, 'transition', 'escalation', 'Triaged', 'Triaged', false, created_at + interval '48 hours' FROM issues WHERE escalation_level > 0;
            ANALYZE issues;
            ANALYZE issue_events;
            """);
    }

    private static async Task<string> ExplainAsync(DbContext db, string sql, AnalyticsScope scope)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        command.Parameters.AddRange(scope.Parameters());
        if (sql.Contains("@zone", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter("zone", "America/Edmonton"));
        }
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }
}
