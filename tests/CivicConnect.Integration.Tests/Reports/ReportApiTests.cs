using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Integration.Tests.Photos;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>
/// The reading rules and the version check the queue, the desk, the field view and the staff API
/// share (ReportQueries, ReportScope, IssueTransitions), on the real server and PostgreSQL.
/// </summary>
public sealed class ReportApiTests(ReportApiTests.App app) : IClassFixture<ReportApiTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
            Settings["Media:Root"] = MediaRoot;
        }

        /// <summary>Where this class's photos are stored (deleted afterwards).</summary>
        public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-report-media-" + Guid.NewGuid().ToString("N")[..12]);

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(MediaRoot))
            {
                Directory.Delete(MediaRoot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task List_FiltersByAgeBreachedAndPhoto_SortsByPriorityRank_AndCountsPerStatus()
    {
        var tag = "q" + Guid.NewGuid().ToString("N")[..8];
        var now = app.Clock.GetUtcNow();
        await NewIssueAsync($"{tag} fresh", createdAt: now.AddHours(-3), priority: CivicConnect.Core.Issues.Priority.Low);
        await NewIssueAsync($"{tag} late", IssueStatus.Triaged, createdAt: now.AddDays(-3), priority: CivicConnect.Core.Issues.Priority.Urgent, configure: i => i.Deadline = now.AddHours(-1));
        await NewIssueAsync($"{tag} late but done", IssueStatus.Resolved, createdAt: now.AddDays(-10), configure: i => i.Deadline = now.AddDays(-8));
        await NewIssueAsync($"{tag} photo", createdAt: now.AddDays(-9), priority: CivicConnect.Core.Issues.Priority.High, configure: i =>
            i.Media.Add(new IssueMedia { StoredPath = "2026/11/x.jpg", ContentType = "image/jpeg", SizeBytes = 1, ExifStripped = true }));

        Assert.Equal(["late"], await DescriptionsAsync(tag, "slaBreached=true"));
        Assert.Equal(["photo"], await DescriptionsAsync(tag, "hasPhoto=true"));
        Assert.Equal(["fresh"], await DescriptionsAsync(tag, "maxAgeDays=1"));
        Assert.Equal(["late"], await DescriptionsAsync(tag, "minAgeDays=1&maxAgeDays=7"));
        Assert.Equal(["photo", "late but done"], await DescriptionsAsync(tag, "minAgeDays=7"));
        Assert.Equal(["late", "photo", "late but done", "fresh"], await DescriptionsAsync(tag, "sort=priority&order=desc"));
        Assert.Equal(["late but done", "photo", "late", "fresh"], await DescriptionsAsync(tag, "sort=created&order=asc"));

        var counts = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/counts?q={tag}&status=Received");
        Assert.Equal(4, counts.GetProperty("total").GetInt32());
        Assert.Equal(2, counts.GetProperty("byStatus").GetProperty("Received").GetInt32());
        Assert.Equal(1, counts.GetProperty("byStatus").GetProperty("Triaged").GetInt32());
        Assert.Equal(1, counts.GetProperty("slaBreached").GetInt32());

        // A bound in another offset is the same instant (the fuzzer's -14:00 was a 500: Npgsql takes only UTC).
        var since = Uri.EscapeDataString(now.AddDays(-5).ToOffset(TimeSpan.FromHours(-14)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var recent = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/counts?q={tag}&from={since}");
        Assert.Equal(2, recent.GetProperty("total").GetInt32());
        Assert.Equal(["late", "fresh"], await DescriptionsAsync(tag, $"from={since}&sort=created&order=asc"));

        var listed = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&slaBreached=true");
        Assert.True(listed.GetProperty("items")[0].GetProperty("slaBreached").GetBoolean());

        // A NUL in a filter is the client's mistake, not the database's (the fuzzer's 500 on counts).
        var nul = await Roads().GetAsync($"/api/issues/counts?q={tag}&ward=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.True((await nul.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ward", out _));

        var bad = await Roads().GetAsync($"/api/issues?sort=colour&minAgeDays=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _));
        Assert.True(errors.TryGetProperty("minAgeDays", out _));
    }

    [Fact]
    public async Task StaffOfRoads_GetA403ProblemForAParksReport_AndNeverListIt_ASupervisorSeesBoth()
    {
        var tag = "s" + Guid.NewGuid().ToString("N")[..8];
        var roads = await NewIssueAsync($"{tag} pothole");
        var parks = await NewIssueAsync($"{tag} park bench", category: "parks-trees");

        var refused = await Roads().GetAsync($"/api/issues/{parks.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PARKS", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Roads().GetAsync($"/api/issues/{roads.Id}")).StatusCode);

        Assert.Equal(["pothole"], await DescriptionsAsync(tag, string.Empty));
        var supervisor = await app.CreateClientAs(CivicRoles.Supervisor, "roads", "Sue").GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}");
        Assert.Equal(2, supervisor.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientAs(CivicRoles.Supervisor, "roads", "Sue").GetAsync($"/api/issues/{parks.Id}")).StatusCode);
    }

    [Fact]
    public async Task AStaleVersion_Is409_AndNothingIsWritten_WhileNoVersionStillWorks()
    {
        var issue = await NewIssueAsync("two tabs");
        var first = await Roads().GetAsync($"/api/issues/{issue.Id}");
        var etag = first.Headers.ETag!.Tag;
        var version = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        Assert.Equal($"\"{version}\"", etag);

        var tabOne = Roads();
        tabOne.DefaultRequestHeaders.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.OK, (await tabOne.PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage" })).StatusCode);

        // The second tab still holds the version it loaded: in the header, or in the body.
        var tabTwo = Roads();
        tabTwo.DefaultRequestHeaders.IfMatch.Add(new EntityTagHeaderValue(etag));
        var stale = await tabTwo.PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Reject", reason = "not ours" });
        var staleBody = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/assignment", new { department = "WATER", version });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (stale.StatusCode, staleBody.StatusCode));
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Changed by someone else", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.Issues.AsNoTracking().Include(i => i.Department).SingleAsync(i => i.Id == issue.Id);
            Assert.Equal((IssueStatus.Triaged, "ROADS"), (saved.Status, saved.Department!.Code));
        }

        // Clients that send no version act on the issue as it is, as before.
        Assert.Equal(HttpStatusCode.OK, (await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Reject", reason = "not ours" })).StatusCode);
    }

    [Fact]
    public async Task AFieldWorker_SeesOnlyWorkAssignedToThemOrTheirCrew()
    {
        var tag = "f" + Guid.NewGuid().ToString("N")[..8];
        var mine = await NewIssueAsync($"{tag} mine", IssueStatus.Assigned, configure: i => i.AssignedTo = "Fiona");
        var crew = await NewIssueAsync($"{tag} crew", IssueStatus.InProgress);
        await NewIssueAsync($"{tag} someone else's", IssueStatus.Assigned, configure: i => i.AssignedTo = "Omar");
        await NewIssueAsync($"{tag} not assigned yet", IssueStatus.Triaged);
        await NewIssueAsync($"{tag} done", IssueStatus.Resolved, configure: i => i.AssignedTo = "Fiona");
        await NewIssueAsync($"{tag} parks crew", IssueStatus.Assigned, category: "parks-trees");

        var work = await app.CreateClientAs(CivicRoles.FieldWorker, "roads", "Fiona").GetFromJsonAsync<JsonElement>("/api/issues/assigned");

        var ours = work.EnumerateArray().Where(w => w.GetProperty("issue").GetProperty("description").GetString()!.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([mine.Id, crew.Id], ours.Select(w => w.GetProperty("issue").GetProperty("id").GetInt64()).Order());
        var assigned = ours.Single(w => w.GetProperty("issue").GetProperty("id").GetInt64() == mine.Id);
        Assert.Equal(["Start", "Resolve"], assigned.GetProperty("allowedTriggers").EnumerateArray().Select(t => t.GetString()));
        Assert.All(ours, w => Assert.Equal(JsonValueKind.Null, w.GetProperty("issue").GetProperty("reporter").ValueKind));
    }

    [Fact]
    public async Task AFieldWorkersPhoto_IsStoredAttachedAndInTheHistory_ANonImageIsRefused()
    {
        var issue = await NewIssueAsync("photo of the fix", IssueStatus.InProgress, configure: i => i.AssignedTo = "Fiona");
        var crew = app.CreateClientAs(CivicRoles.FieldWorker, "roads", "Fiona");

        using var photo = new MultipartFormDataContent { { new ByteArrayContent(SyntheticPhotos.Pothole(7)) { Headers = { ContentType = new("image/jpeg") } }, "file", "fixed.jpg" } };
        var added = await crew.PostAsync($"/api/issues/{issue.Id}/photos", photo);
        using var text = new MultipartFormDataContent { { new ByteArrayContent("not a photo"u8.ToArray()), "file", "fixed.png" } };
        var refused = await crew.PostAsync($"/api/issues/{issue.Id}/photos", text);
        using var elsewhere = new MultipartFormDataContent { { new ByteArrayContent(SyntheticPhotos.Pothole(8)), "file", "fixed.jpg" } };
        var otherDepartment = await app.CreateClientAs(CivicRoles.FieldWorker, "parks", "Pia").PostAsync($"/api/issues/{issue.Id}/photos", elsewhere);

        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (refused.StatusCode, otherDepartment.StatusCode));
        var detail = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/{issue.Id}");
        var media = Assert.Single(detail.GetProperty("media").EnumerateArray());
        Assert.Equal("image/jpeg", media.GetProperty("contentType").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == IssueEventKinds.Photo && h.GetProperty("actor").GetString() == "Fiona");
    }

    [Fact]
    public async Task ReportQueries_IsWhatTheApiAnswers_ThePossibleTriggersFollowTheRole()
    {
        var issue = await NewIssueAsync("role triggers", IssueStatus.Assigned);
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportQueries>();

        var office = await reports.DetailAsync(issue.Id, new ReportViewer("Dana", "Dana", "ROADS", ViewerKind.Staff), CancellationToken.None);
        var field = await reports.DetailAsync(issue.Id, new ReportViewer("Fiona", "Fiona", "ROADS", ViewerKind.FieldWorker), CancellationToken.None);
        await Assert.ThrowsAsync<ReportForbiddenException>(() => reports.DetailAsync(issue.Id, new ReportViewer("Pia", "Pia", "PARKS", ViewerKind.Staff), CancellationToken.None));

        Assert.Equal(["Assign", "Start", "Resolve", "MarkDuplicate", "CloseNotFixed"], office!.AllowedTriggers);
        Assert.Equal(["Start", "Resolve"], field!.AllowedTriggers);
    }

    private async Task<List<string>> DescriptionsAsync(string tag, string query)
    {
        var page = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&{query}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString()!.Replace(tag + " ", string.Empty, StringComparison.Ordinal)).ToList();
    }

    private HttpClient Roads() => app.CreateClientAs(CivicRoles.Staff, "roads", "Dana");

    private async Task<Issue> NewIssueAsync(
        string description,
        IssueStatus status = IssueStatus.Received,
        string category = "pothole",
        DateTimeOffset? createdAt = null,
        CivicConnect.Core.Issues.Priority priority = CivicConnect.Core.Issues.Priority.Normal,
        Action<Issue>? configure = null)
    {
        await using var db = app.CreateDbContext();
        return await LifecycleData.IssueAsync(db, description, category, status, createdAt: createdAt, priority: priority, configure: configure);
    }
}
