using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Server.Features.Privacy;
using CivicConnect.Staff.Reports;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>
/// The queue's counts kept by the database (issue_status_counts, the triggers on issues) against the reports
/// themselves after every kind of write, and the list's total: exact from the tally, "at least" past the cap.
/// </summary>
public sealed class IssueStatusCountTests(IssueStatusCountTests.App app) : IClassFixture<IssueStatusCountTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
        }
    }

    private static readonly IssueActor Supervisor = new("Sam", ActorKind.Supervisor);

    [Fact]
    public async Task TheTally_MatchesTheReports_AfterTransitionsDepartmentChangesDuplicatesErasureBulkSeedingAndDeletes()
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.CreateDbContext())
        {
            await AssertTallyMatchesAsync(db, "before anything");
        }

        var original = await NewIssueAsync($"{tag} original");
        var copy = await NewIssueAsync($"{tag} copy");
        var moved = await NewIssueAsync($"{tag} moved", configure: i => i.Deadline = app.Clock.GetUtcNow().AddDays(1));
        var erased = await NewIssueAsync($"{tag} erased, call 403 555 0142", configure: i => i.ReporterPhone = "+14035550142");

        await using (var db = app.CreateDbContext())
        {
            await AssertTallyMatchesAsync(db, "after intake");
        }

        await FireAsync(copy.Id, IssueTrigger.MarkDuplicate, new TransitionData { DuplicateOfReference = original.ReferenceNumber });
        await FireAsync(original.Id, IssueTrigger.Triage, TransitionData.None);
        await FireAsync(original.Id, IssueTrigger.Assign, new TransitionData { Department = "ROADS", Assignee = "crew 4" });
        await FireAsync(original.Id, IssueTrigger.Start, TransitionData.None);
        await FireAsync(original.Id, IssueTrigger.Resolve, new TransitionData { ResolutionNote = "Filled." });
        await FireAsync(moved.Id, IssueTrigger.Assign, new TransitionData { Department = "PARKS" });
        await FireAsync(original.Id, IssueTrigger.Reopen, new TransitionData { Reason = "Still there." });

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(IssueStatus.Duplicate, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == copy.Id)).Status);
            Assert.Equal("PARKS", await db.Issues.Where(i => i.Id == moved.Id).Select(i => i.Department!.Code).SingleAsync());
            await AssertTallyMatchesAsync(db, "after transitions, a department change and a duplicate");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var eraser = scope.ServiceProvider.GetRequiredService<PersonalDataEraser>();
            Assert.NotNull(await eraser.EraseAsync(new ErasureSubject(ErasureSubjectKind.Phone, "+14035550142"), "privacy officer", CancellationToken.None));
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.Issues.AsNoTracking().SingleAsync(i => i.Id == erased.Id)).ReporterPhone);
            await AssertTallyMatchesAsync(db, "after an erasure");

            // A bulk import in one statement, as the load generator seeds: many reports, one trigger call.
            await SeedAsync(db, tag, 3_000);
            await AssertTallyMatchesAsync(db, "after bulk seeding");

            // Department changes and deadlines in bulk, and deletes, written straight in SQL as an operator would.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE issues SET department_id = NULL, deadline = NULL WHERE description LIKE {0} AND id % 3 = 0", $"{tag} seeded%");
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE issues SET status = 'Closed' WHERE description LIKE {0} AND id % 3 = 1", $"{tag} seeded%");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM issues WHERE description LIKE {0} AND id % 5 = 0", $"{tag} seeded%");
            await AssertTallyMatchesAsync(db, "after bulk updates and deletes");
        }
    }

    [Fact]
    public async Task TheListTotal_IsExact_FromTheTallyOrCountedUpToTheCap_AndSaysAtLeastBeyondIt()
    {
        var tag = "c" + Guid.NewGuid().ToString("N")[..8];
        await using var db = app.CreateDbContext();
        await SeedAsync(db, tag, IssuePage.ExactTotalUpTo + 1);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE issues SET priority = 'Urgent' WHERE id IN (SELECT id FROM issues WHERE description LIKE {0} ORDER BY id LIMIT 7)", $"{tag} seeded%");
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor, null, "Sam");

        // More than the cap match the text: the page says "at least 10,000".
        var many = await supervisor.GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&pageSize=5");
        Assert.Equal(IssuePage.ExactTotalUpTo, many.GetProperty("total").GetInt32());
        Assert.True(many.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(5, many.GetProperty("items").GetArrayLength());

        // Fewer than the cap: counted exactly.
        var urgent = await supervisor.GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&priority=Urgent");
        Assert.Equal(7, urgent.GetProperty("total").GetInt32());
        Assert.False(urgent.GetProperty("totalIsLowerBound").GetBoolean());

        // Everything, and by status and department: exact from the tally, however many.
        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/issues?pageSize=1");
        Assert.Equal(await db.Issues.CountAsync(), all.GetProperty("total").GetInt32());
        Assert.False(all.GetProperty("totalIsLowerBound").GetBoolean());
        var open = await supervisor.GetFromJsonAsync<JsonElement>("/api/issues?status=Received,Triaged&department=ROADS&pageSize=1");
        Assert.Equal(
            await db.Issues.CountAsync(i => (i.Status == IssueStatus.Received || i.Status == IssueStatus.Triaged) && i.Department!.Code == "ROADS"),
            open.GetProperty("total").GetInt32());
        var now = app.Clock.GetUtcNow();
        var breached = await supervisor.GetFromJsonAsync<JsonElement>("/api/issues?slaBreached=true&pageSize=1");
        Assert.Equal(
            await db.Issues.CountAsync(i => i.Deadline != null && i.Deadline < now && !IssueStatuses.Finished.Contains(i.Status)),
            breached.GetProperty("total").GetInt32());
        Assert.False(breached.GetProperty("totalIsLowerBound").GetBoolean());
        var roads = await app.CreateClientAs(CivicRoles.Staff, "roads", "Dana").GetFromJsonAsync<JsonElement>("/api/issues?pageSize=1");
        Assert.Equal(await db.Issues.CountAsync(i => i.Department!.Code == "ROADS"), roads.GetProperty("total").GetInt32());
        Assert.False(roads.GetProperty("totalIsLowerBound").GetBoolean());

        // The API's description says what the flag means.
        using var openApi = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var flag = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("IssuePage").GetProperty("properties").GetProperty("totalIsLowerBound");
        Assert.Contains("10,000", flag.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCountsFromTheTally_AreTheCountsOfTheReports_ForEveryScope()
    {
        var tag = "s" + Guid.NewGuid().ToString("N")[..8];
        var now = app.Clock.GetUtcNow();
        await NewIssueAsync($"{tag} overdue", IssueStatus.Triaged, configure: i => i.Deadline = now.AddHours(-2));
        await NewIssueAsync($"{tag} due", IssueStatus.Assigned, configure: i => i.Deadline = now.AddHours(2));
        await NewIssueAsync($"{tag} no deadline", IssueStatus.InProgress);
        await NewIssueAsync($"{tag} done late", IssueStatus.Resolved, configure: i => i.Deadline = now.AddDays(-3));
        await NewIssueAsync($"{tag} nobody's yet", configure: i => (i.DepartmentId, i.Deadline) = (null, now.AddHours(-1)));

        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportQueries>();
        await using var db = app.CreateDbContext();
        ReportViewer[] viewers =
        [
            new("Sam", "Sam", null, ViewerKind.Supervisor),
            new("Dana", "Dana", "ROADS", ViewerKind.Staff),
            new("Tess", "Tess", "ROADS", ViewerKind.Staff, Triages: true),
            new("Pia", "Pia", "PARKS", ViewerKind.Staff),
        ];
        foreach (var viewer in viewers)
        {
            ReportFilter[] filters =
            [
                new(), new() { Department = "ROADS" }, new() { Status = ["Triaged"] },
                new() { SlaBreached = true }, new() { SlaBreached = false, Department = "ROADS" },
            ];
            foreach (var filter in filters)
            {
                var expected = ExpectedCounts(filter.WithoutStatus().Apply(db, ReportScope.Visible(db.Issues.AsNoTracking(), viewer), now), now);
                var counts = await reports.CountAsync(filter, viewer, CancellationToken.None);
                var label = $"{viewer.Name} {filter.Department} {string.Join(",", filter.Status ?? [])} {filter.SlaBreached}";
                Assert.True(StatusCounter.CanAnswer(filter.WithoutStatus(), viewer), label);
                Assert.Equal((await expected).ByStatus.OrderBy(s => s.Key), counts.ByStatus.OrderBy(s => s.Key));
                Assert.Equal((await expected).Total, counts.Total);
                Assert.True((await expected).SlaBreached == counts.SlaBreached, $"{label}: breached {counts.SlaBreached}, expected {(await expected).SlaBreached}");
            }
        }

        // A field worker's scope names people: their counts are read from the reports, not the tally.
        Assert.False(StatusCounter.CanAnswer(new ReportFilter(), new ReportViewer("Fiona", "Fiona", "ROADS", ViewerKind.FieldWorker)));
        Assert.False(StatusCounter.CanAnswer(new ReportFilter { Ward = "1" }, viewers[0]));
    }

    /// <summary>The counts read from the reports themselves (what the queue did before the tally).</summary>
    private static async Task<ReportCounts> ExpectedCounts(IQueryable<Issue> visible, DateTimeOffset now)
    {
        var finished = IssueStatuses.Finished;
        var rows = await visible.GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count(), Breached = g.Count(i => i.Deadline != null && i.Deadline < now && !finished.Contains(i.Status)) })
            .ToListAsync();
        return new ReportCounts(rows.ToDictionary(r => r.Key.ToString(), r => r.Count), rows.Sum(r => r.Count), rows.Sum(r => r.Breached));
    }

    /// <summary>The tally summed over slots, against the reports grouped the same way: no key may differ.</summary>
    private static async Task AssertTallyMatchesAsync(CivicDbContext db, string when)
    {
        var differences = await db.Database.SqlQueryRaw<string>("""
            SELECT concat_ws(' ', coalesce(c.department_id, i.department_id)::text, coalesce(c.status, i.status), coalesce(c.has_deadline, i.has_deadline)::text,
                             'tally', coalesce(c.n, 0)::text, 'reports', coalesce(i.n, 0)::text) AS "Value"
            FROM (SELECT department_id, status, has_deadline, sum(reports) AS n FROM issue_status_counts GROUP BY 1, 2, 3 HAVING sum(reports) <> 0) c
            FULL JOIN (SELECT department_id, status, deadline IS NOT NULL AS has_deadline, count(*) AS n FROM issues GROUP BY 1, 2, 3) i
              ON c.department_id IS NOT DISTINCT FROM i.department_id AND c.status = i.status AND c.has_deadline = i.has_deadline
            WHERE c.n IS DISTINCT FROM i.n
            """).ToListAsync();
        Assert.True(differences.Count == 0, $"{when}: {string.Join("; ", differences)}");
        Assert.True(await db.Issues.AnyAsync() || !await db.IssueStatusCounts.AnyAsync(c => c.Reports != 0), when);
    }

    /// <summary>Reports written in one INSERT … SELECT: ROADS potholes, a third with a deadline, old enough to stay off the first page.</summary>
    internal static async Task SeedAsync(CivicDbContext db, string tag, int count) =>
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO issues (category_id, department_id, priority, status, description, channel, locale, attributes, public_key, vote_count, escalation_level, deadline, created_at, updated_at)
            SELECT c.id, c.department_id, 'Normal', (ARRAY['Received', 'Triaged', 'Closed', 'Resolved'])[1 + n % 4], {0} || ' seeded ' || n, 'bulk', 'en', '{{}}'::jsonb,
                   md5(random()::text), 0, 0, CASE WHEN n % 3 = 0 THEN timestamptz '2026-01-02' END, timestamptz '2026-01-01', timestamptz '2026-01-01'
            FROM generate_series(1, {1}) AS n, service_categories c WHERE c.code = 'pothole'
            """,
            tag,
            count);

    private async Task FireAsync(long id, IssueTrigger trigger, TransitionData data)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IssueTransitions>().FireAsync(id, trigger, data, Supervisor, CancellationToken.None);
    }

    private async Task<Issue> NewIssueAsync(string description, IssueStatus status = IssueStatus.Received, Action<Issue>? configure = null)
    {
        await using var db = app.CreateDbContext();
        return await LifecycleData.IssueAsync(db, description, "pothole", status, configure: configure);
    }
}
