using CivicConnect.Geo.Hotspots;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Map;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>
/// The one read rule (issue #16 point 5), on real PostgreSQL: the queue (LINQ), the map and the hotspot
/// layer (SQL) and a single report (<see cref="ReportScope.MayRead"/>) give every kind of reader the same
/// reports — supervisors all, staff their department's, reports with no department only triage staff,
/// field workers only what is assigned to them or their crew.
/// </summary>
public sealed class ReadRuleAgreementTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>, IAsyncLifetime
{
    private const double Lat = 51.0453, Lon = -114.0581;
    private static readonly MapBox Box = new(-114.07, 51.04, -114.05, 51.05);

    public static TheoryData<string> ReaderNames => [.. ReaderCases.Keys];

    private static Dictionary<string, ReportViewer> ReaderCases => new()
    {
        ["supervisor"] = Readers.Supervisor,
        ["roads staff"] = Readers.Staff("ROADS"),
        ["roads triage staff"] = Readers.Staff("ROADS", triage: true),
        ["triage staff, no department"] = Readers.Staff(null, triage: true),
        ["bylaw staff"] = Readers.Staff("BYLAW"),
        ["field worker anna (roads crew)"] = Readers.FieldWorker("anna", "ROADS"),
        ["field worker bob (parks crew)"] = Readers.FieldWorker("bob", "PARKS"),
    };

    public async Task InitializeAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        if (await db.Issues.AnyAsync())
        {
            return;
        }

        // Each a few metres from the next, so the hotspot query (100 m, 3 points) sees them as one place.
        await MapRows.InsertAsync(db, "pothole", Lat, Lon);                                  // ROADS, received
        await MapRows.InsertAsync(db, "pothole", Lat + 0.0001, Lon);                         // ROADS, being worked by the crew
        await MapRows.InsertAsync(db, "streetlight", Lat, Lon + 0.0001);                     // ROADS, assigned to anna
        await MapRows.InsertAsync(db, "graffiti", Lat + 0.0001, Lon + 0.0001);               // BYLAW
        await MapRows.InsertAsync(db, "noise-bylaw", Lat + 0.0002, Lon);                     // BYLAW, assigned to anna (another crew's work)
        await MapRows.InsertAsync(db, "other", Lat, Lon + 0.0002);                           // no department yet
        await MapRows.InsertAsync(db, "other", Lat + 0.0002, Lon + 0.0002);                  // no department yet
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE issues SET department_id = NULL WHERE category_id = (SELECT id FROM service_categories WHERE code = 'other');
            UPDATE issues SET status = 'Assigned' WHERE id = (SELECT min(id) + 1 FROM issues);
            UPDATE issues SET status = 'InProgress', assigned_to = 'anna' WHERE id IN (SELECT min(id) + 2 FROM issues UNION SELECT min(id) + 4 FROM issues);
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public async Task TheQueueTheMapTheHotspotsAndASingleReport_ShowEachReaderTheSameReports(string name)
    {
        var viewer = ReaderCases[name];
        await using var db = fixture.Database.CreateDbContext();

        var queue = await new ReportQueries(db, TimeProvider.System).ListAsync(new ReportFilter { PageSize = ReportFilter.MaxPageSize }, viewer, CancellationToken.None);
        var map = await new MapReportQuery(db, Options.Create(new MapOptions())).FindAsync(Box, 18, viewer, CancellationToken.None);
        var hotspots = await new HotspotQuery(db, Options.Create(new HotspotOptions())).FindAsync(null, TimeProvider.System.GetUtcNow().AddDays(-1), ReportScope.Hotspots(viewer), CancellationToken.None);
        var rows = await db.Issues.AsNoTracking().Select(i => new { i.Id, Department = i.Department!.Code, i.AssignedTo, i.Status }).ToListAsync();

        var inQueue = queue.Items.Select(i => i.Id).Order().ToList();
        Assert.Equal(inQueue, map.Reports.Select(r => r.Id).Order());
        Assert.Equal(inQueue, rows.Where(r => ReportScope.MayRead(viewer, r.Department, r.AssignedTo, r.Status)).Select(r => r.Id).Order());
        Assert.Equal(inQueue.Count >= 3 ? inQueue : [], hotspots.SelectMany(h => h.IssueIds).Order());
    }

    [Fact]
    public async Task EachReader_SeesWhatTheRuleGivesThem()
    {
        await using var db = fixture.Database.CreateDbContext();
        var categories = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, viewer) in ReaderCases)
        {
            var page = await new ReportQueries(db, TimeProvider.System).ListAsync(new ReportFilter { PageSize = ReportFilter.MaxPageSize }, viewer, CancellationToken.None);
            categories[name] = [.. page.Items.Select(i => i.Category).Order()];
        }

        Assert.Equal(7, categories["supervisor"].Count);
        Assert.Equal(["pothole", "pothole", "streetlight"], categories["roads staff"]);
        Assert.Equal(["other", "other", "pothole", "pothole", "streetlight"], categories["roads triage staff"]);
        Assert.Equal(["other", "other"], categories["triage staff, no department"]);
        Assert.Equal(["graffiti", "noise-bylaw"], categories["bylaw staff"]);
        Assert.Equal(["noise-bylaw", "pothole", "streetlight"], categories["field worker anna (roads crew)"]);
        Assert.Empty(categories["field worker bob (parks crew)"]);
    }

    [Fact]
    public async Task ReporterContact_IsShownOnlyForTheReadersOwnDepartment()
    {
        await using var db = fixture.Database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE issues SET reporter_phone = '+14035550199'");

        var triage = await new ReportQueries(db, TimeProvider.System).ListAsync(new ReportFilter { PageSize = ReportFilter.MaxPageSize }, Readers.Staff("ROADS", triage: true), CancellationToken.None);
        var supervisor = await new ReportQueries(db, TimeProvider.System).ListAsync(new ReportFilter { PageSize = ReportFilter.MaxPageSize }, Readers.Supervisor, CancellationToken.None);

        Assert.All(triage.Items, i => Assert.Equal(i.Department == "ROADS", i.Reporter?.Phone is not null));
        Assert.All(supervisor.Items, i => Assert.NotNull(i.Reporter?.Phone));
    }
}
