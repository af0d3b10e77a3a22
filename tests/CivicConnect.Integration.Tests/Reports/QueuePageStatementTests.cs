using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>
/// The list's page in one statement (<see cref="ReportPageRows"/>: rows, reporters and the capped count together) against
/// the page read the way it was before, in three statements — the count, the rows, then the reporters of the rows
/// <see cref="ReportScope.SeesReporterOf"/> allows — for every kind of reader and filters down either path (the tally's
/// total, or counted), a page past the last match, and unknown ward and department codes.
/// </summary>
public sealed class QueuePageStatementTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const string Ward = "8";

    private static readonly ReportViewer[] Viewers =
    [
        Readers.Supervisor,
        Readers.Staff("ROADS"),
        Readers.Staff("ROADS", triage: true),
        Readers.Staff(null, triage: true),
        Readers.Staff("BYLAW"),
        Readers.FieldWorker("anna", "ROADS"),
    ];

    private static ReportFilter[] Filters =>
    [
        new(),
        new() { PageSize = 3, Page = 2 },
        new() { Department = "ROADS", Sort = "updated", PageSize = 2, Page = 2 },
        new() { Status = ["Received,Triaged,Assigned,InProgress,Reopened"], SlaBreached = true },
        new() { Ward = Ward },
        new() { Ward = Ward, PageSize = 2, Page = 9 },
        new() { Category = "pothole", Status = ["Received"] },
        new() { Priority = "Urgent", Sort = "deadline", Order = "asc" },
        new() { Q = "page test" },
        new() { Q = "page test", PageSize = 2, Page = 40 },
        new() { Q = "garbage" },
        new() { Ward = "no-such-ward" },
        new() { Department = "NO-SUCH-DEPARTMENT" },
    ];

    public async Task InitializeAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        if (await db.Issues.AnyAsync())
        {
            return;
        }

        var texting = await LifecycleData.ConversationAsync(db, "sms", "+14035550101");
        var chatting = await LifecycleData.ConversationAsync(db, "webchat", "conversation-7");
        string[] categories = ["pothole", "graffiti", "other", "streetlight", "pothole", "noise-bylaw"];
        IssueStatus[] statuses = [IssueStatus.Received, IssueStatus.Triaged, IssueStatus.InProgress, IssueStatus.Resolved, IssueStatus.Assigned, IssueStatus.Received, IssueStatus.Closed];
        for (var n = 0; n < 21; n++)
        {
            var number = n;
            await LifecycleData.IssueAsync(
                db,
                $"page test {n}",
                categories[n % categories.Length],
                statuses[n % statuses.Length],
                reporter: n % 3 == 0 ? texting.Id : n % 3 == 1 ? chatting.Id : null,
                anonymous: n % 7 == 4,
                createdAt: Now.AddHours(-n / 2), // pairs created at the same time: the id orders them
                priority: n % 4 == 0 ? Priority.Urgent : Priority.Normal,
                configure: i =>
                {
                    i.Deadline = number % 2 == 0 ? Now.AddDays(number % 4 == 0 ? -1 : 1) : null;
                    i.UpdatedAt = Now.AddMinutes(-(number * 37 % 23));
                    i.ReporterPhone = number % 5 == 0 ? "+14035550142" : null;
                    i.ReporterName = number % 6 == 1 ? "Pat Citizen" : null;
                    i.AssignedTo = number % 9 == 2 ? "anna" : null;
                });
        }

        // Half in a ward, half in none; the "other" category's reports have no department yet.
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE issues SET ward_id = CASE WHEN id % 2 = 0 THEN (SELECT id FROM wards WHERE code = {0}) END", Ward);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE issues SET department_id = NULL WHERE category_id = (SELECT id FROM service_categories WHERE code = 'other')");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePage_InOneStatement_IsThePageReadInThree_ForEveryReaderAndFilter()
    {
        await using var db = fixture.Database.CreateDbContext();
        var reports = new ReportQueries(db, new FakeTimeProvider(Now));
        var compared = 0;
        foreach (var viewer in Viewers)
        {
            foreach (var filter in Filters)
            {
                var label = $"{viewer.Kind} {viewer.Department} triage={viewer.Triages}: {Describe(filter)}";
                var expected = await AsBeforeAsync(db, filter, viewer);
                var page = await reports.ListAsync(filter, viewer, CancellationToken.None);
                Assert.True(expected.Total == page.Total, $"{label}: total {page.Total}, expected {expected.Total}");
                Assert.False(page.TotalIsLowerBound, label);
                Assert.True(expected.Items.SequenceEqual(page.Items), $"{label}: items differ");
                compared += page.Items.Count;
            }
        }

        // The comparison saw rows, reporters shown and withheld, and both kinds of contact.
        Assert.True(compared > 100, $"only {compared} rows compared");
        var all = await reports.ListAsync(new ReportFilter { PageSize = ReportFilter.MaxPageSize }, Readers.Staff("ROADS", triage: true), CancellationToken.None);
        Assert.Contains(all.Items, i => i.Department == "ROADS" && i.Reporter?.Contact == "+14035550101");
        Assert.Contains(all.Items, i => i.Department == "ROADS" && i.Reporter?.Contact == "conversation-7");
        Assert.Contains(all.Items, i => i.Department == "ROADS" && i.Reporter is null);
        Assert.Contains(all.Items, i => i.Department is null);
        Assert.All(all.Items.Where(i => i.Department != "ROADS"), i => Assert.Null(i.Reporter));
    }

    [Fact]
    public async Task AnUnknownWardOrDepartment_FindsNothing_NotTheReportsWithoutOne()
    {
        await using var db = fixture.Database.CreateDbContext();
        var reports = new ReportQueries(db, new FakeTimeProvider(Now));
        Assert.True(await db.Issues.AnyAsync(i => i.WardId == null) && await db.Issues.AnyAsync(i => i.DepartmentId == null));

        foreach (var filter in new ReportFilter[] { new() { Ward = "no-such-ward" }, new() { Department = "NO-SUCH-DEPARTMENT" } })
        {
            var page = await reports.ListAsync(filter, Readers.Supervisor, CancellationToken.None);
            var counts = await reports.CountAsync(filter, Readers.Supervisor, CancellationToken.None);
            Assert.Empty(page.Items);
            Assert.Equal(0, page.Total);
            Assert.Equal(0, counts.Total);
        }

        // A ward's page is its reports only, newest first, and its total counts them.
        var ward = await reports.ListAsync(new ReportFilter { Ward = Ward }, Readers.Supervisor, CancellationToken.None);
        var inWard = await db.Issues.CountAsync(i => i.Ward!.Code == Ward);
        Assert.Equal(inWard, ward.Total);
        Assert.Equal(inWard, ward.Items.Count);
        Assert.All(ward.Items, i => Assert.Equal(Ward, i.Ward));
    }

    /// <summary>The page as <c>ReportQueries.ListAsync</c> read it before: counted (the test's few reports are under the cap), then the rows, then the reporters.</summary>
    private static async Task<IssuePage> AsBeforeAsync(CivicDbContext db, ReportFilter filter, ReportViewer viewer)
    {
        var query = filter.Apply(db, ReportScope.Visible(db.Issues.AsNoTracking(), viewer), Now);
        var total = await query.CountAsync();
        var rows = await ReportSorting.Apply(query, filter.Sort, filter.Order)
            .Skip((filter.PageNumber - 1) * filter.Size)
            .Take(filter.Size)
            .Select(ReportProjections.Summary)
            .ToListAsync();
        var allowed = rows.Where(r => ReportScope.SeesReporterOf(viewer, r.Department)).Select(r => r.Id).ToList();
        var reporters = allowed.Count > 0 ? await ReportProjections.LoadReportersAsync(db, allowed, CancellationToken.None) : [];
        var items = rows.Select(r => ReportProjections.WithClock(r, Now) with { Reporter = reporters.GetValueOrDefault(r.Id) }).ToList();
        return new IssuePage(items, filter.PageNumber, filter.Size, total);
    }

    private static string Describe(ReportFilter f) =>
        $"status={string.Join(",", f.Status ?? [])} ward={f.Ward} department={f.Department} category={f.Category} priority={f.Priority} "
        + $"slaBreached={f.SlaBreached} q={f.Q} sort={f.Sort} {f.Order} page={f.Page} size={f.PageSize}";
}
