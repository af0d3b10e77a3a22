using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Lifecycle;

/// <summary>The staff API end to end: real server, real PostgreSQL, development bearer tokens.</summary>
public sealed class IssueApiTests(IssueApiTests.App app) : IClassFixture<IssueApiTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
    }

    [Theory]
    [InlineData("page=2000000000")]
    [InlineData("page=20000000&pageSize=200")]
    [InlineData("page=99999999999")]
    public async Task List_AHugePage_IsA400ProblemNotAnError(string query)
    {
        var response = await app.CreateClientAs(CivicRoles.Supervisor).GetAsync("/api/issues?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Transition_Triage_MovesTheIssueAndWritesHistory()
    {
        var issue = await NewIssueAsync("triage me");

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage", comment = "Looks real" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Triaged, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
        var line = await db.IssueEvents.AsNoTracking().Where(e => e.IssueId == issue.Id && e.Kind == IssueEventKinds.Transition && e.FromStatus != null).SingleAsync();
        Assert.Equal((IssueStatus.Received, IssueStatus.Triaged, "Dana", "Looks real"), (line.FromStatus!.Value, line.ToStatus, line.Actor, line.Comment));
        Assert.Equal(app.Clock.GetUtcNow(), line.OccurredAt);
    }

    [Fact]
    public async Task Transition_NotPossibleInThisState_Is409NamingTheAllowedTriggers()
    {
        var issue = await NewIssueAsync("too early to close");

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Close" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Received", problem.GetProperty("issueStatus").GetString());
        Assert.Equal(["Triage", "Assign", "MarkDuplicate", "Reject", "CloseNotFixed"], problem.GetProperty("allowedTriggers").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Triage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WithoutANote_Is400AndNothingIsWritten()
    {
        var issue = await NewIssueAsync("needs a note", IssueStatus.InProgress);

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Resolve" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("resolutionNote", out _));
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.InProgress, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
        Assert.Equal(1, await db.IssueEvents.CountAsync(e => e.IssueId == issue.Id));
    }

    [Fact]
    public async Task Reject_WithoutAReason_Is400()
    {
        var issue = await NewIssueAsync("reject me");

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Reject", reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Transition_ByStaffOfAnotherDepartment_Is403_ButASupervisorMayAct()
    {
        var issue = await NewIssueAsync("roads issue");

        var water = await app.CreateClientAs(CivicRoles.Staff, "water", "Wes").PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage" });
        var supervisor = await app.CreateClientAs(CivicRoles.Supervisor, "water", "Sue").PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage" });

        Assert.Equal(HttpStatusCode.Forbidden, water.StatusCode);
        Assert.Equal("application/problem+json", water.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
    }

    [Fact]
    public async Task Transition_WithoutAToken_Is401()
    {
        var issue = await NewIssueAsync("anonymous caller");

        var response = await app.CreateClient().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task FieldWorker_MayStartAndResolve_ButNotReject()
    {
        var issue = await NewIssueAsync("crew work", IssueStatus.Assigned);
        var crew = app.CreateClientAs(CivicRoles.FieldWorker, "roads", "Fiona");

        var reject = await crew.PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Reject", reason = "nah" });
        var start = await crew.PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Start" });
        var resolve = await crew.PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Resolve", resolutionNote = "Patched" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK), (reject.StatusCode, start.StatusCode, resolve.StatusCode));
    }

    [Fact]
    public async Task TwoTransitionsAtOnce_OneWins_TheOtherIs409_AndOnlyOneIsRecorded()
    {
        for (var round = 0; round < 5; round++)
        {
            var issue = await NewIssueAsync($"race {round}", IssueStatus.Assigned);

            var responses = await Task.WhenAll(
                Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Resolve", resolutionNote = "Filled by crew A" }),
                Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "CloseNotFixed", reason = "Private road" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await using var db = app.CreateDbContext();
            var saved = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id);
            var transitions = await db.IssueEvents.AsNoTracking().Where(e => e.IssueId == issue.Id && e.FromStatus != null).ToListAsync();
            var line = Assert.Single(transitions);
            Assert.Equal(saved.Status, line.ToStatus);
            Assert.True(saved.Status == IssueStatus.Resolved ? saved.StatusReason is null : saved.ResolutionNote is null, "the loser wrote nothing");
        }
    }

    [Fact]
    public async Task Assignment_ToAnotherDepartmentAndPerson_MovesTheIssue()
    {
        var issue = await NewIssueAsync("belongs to water", IssueStatus.Triaged);

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/assignment", new { department = "WATER", assignee = "crew 12" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Roads staff may no longer open it (another department's report): read it as a supervisor.
        var detail = await Supervisor().GetFromJsonAsync<JsonElement>($"/api/issues/{issue.Id}");
        Assert.Equal("Assigned", detail.GetProperty("issue").GetProperty("status").GetString());
        Assert.Equal("WATER", detail.GetProperty("issue").GetProperty("department").GetString());
        Assert.Equal("crew 12", detail.GetProperty("issue").GetProperty("assignedTo").GetString());

        // Now it is water's: roads staff can no longer act on it.
        var roadsAgain = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Start" });
        Assert.Equal(HttpStatusCode.Forbidden, roadsAgain.StatusCode);
    }

    [Fact]
    public async Task Assignment_ToAnUnknownDepartment_Is400()
    {
        var issue = await NewIssueAsync("nowhere", IssueStatus.Triaged);

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/assignment", new { department = "MARS" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Comments_InternalStayInternal_PublicOnesAreSentToTheCitizen()
    {
        ConversationRecord citizen;
        await using (var db = app.CreateDbContext())
        {
            citizen = await LifecycleData.ConversationAsync(db, "directline", "dl-" + Guid.NewGuid().ToString("N"));
        }

        var issue = await NewIssueAsync("commented", reporter: citizen.Id);

        var internalNote = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/comments", new { text = "Reporter sounds upset", @public = false });
        var publicNote = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/comments", new { text = "Crew booked for Monday", @public = true });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (internalNote.StatusCode, publicNote.StatusCode));
        await using var check = app.CreateDbContext();
        var outbox = await check.OutboxMessages.AsNoTracking().Where(m => m.ConversationId == citizen.Id).ToListAsync();
        var sent = Assert.Single(outbox);
        Assert.Contains("Crew booked for Monday", sent.Payload, StringComparison.Ordinal);
        Assert.Contains($"#{issue.ReferenceNumber}", sent.Payload, StringComparison.Ordinal);
        var history = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/{issue.Id}");
        var comments = history.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "comment").ToList();
        Assert.Equal([false, true], comments.Select(c => c.GetProperty("public").GetBoolean()));
    }

    [Fact]
    public async Task Comment_InACharsetNobodyCanDecode_Is415AndStoresNothing()
    {
        // Found by the fuzzer (issue #16): "application/json; charset=ebcdic" made the JSON reader throw (500).
        var issue = await NewIssueAsync("charset");
        using var body = new StringContent("{\"text\":\"hello\",\"public\":true}");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=ebcdic");

        var response = await Roads().PostAsync($"/api/issues/{issue.Id}/comments", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var check = app.CreateDbContext();
        Assert.False(await check.IssueEvents.AnyAsync(e => e.IssueId == issue.Id && e.Kind == "comment"));
    }

    [Fact]
    public async Task Comment_WithANulCharacter_Is400AndStoresNothing()
    {
        // Found by the fuzzer (issue #16, 30,000 requests): PostgreSQL refuses U+0000 in text (22021), which was a 500.
        var issue = await NewIssueAsync("nul comment");

        var response = await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/comments", new { text = "crew\u0000 sent", @public = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var check = app.CreateDbContext();
        Assert.False(await check.IssueEvents.AnyAsync(e => e.IssueId == issue.Id && e.Kind == "comment"));
    }

    [Fact]
    public async Task List_FiltersByStatusCategoryDepartmentTextBoxAndDates_AndPages()
    {
        var tag = "tag" + Guid.NewGuid().ToString("N")[..8];
        var day = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
        await NewIssueAsync($"{tag} pothole one", IssueStatus.Received, createdAt: day);
        await NewIssueAsync($"{tag} pothole two", IssueStatus.Triaged, createdAt: day.AddDays(1));
        await NewIssueAsync($"{tag} pothole far", IssueStatus.Received, lat: 51.15, lon: -114.2, createdAt: day.AddDays(2));
        await NewIssueAsync($"{tag} graffiti", IssueStatus.Received, category: "graffiti", createdAt: day.AddDays(3));

        async Task<List<string>> Descriptions(string query)
        {
            // A supervisor: the list spans departments (staff see their own; see ReportApiTests).
            var page = await Supervisor().GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&{query}");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("description").GetString()!.Replace(tag + " ", string.Empty, StringComparison.Ordinal)).ToList();
        }

        Assert.Equal(["graffiti", "pothole far", "pothole two", "pothole one"], await Descriptions("page=1"));
        Assert.Equal(["pothole two"], await Descriptions("status=Triaged"));
        Assert.Equal(["graffiti", "pothole far", "pothole one"], await Descriptions("status=Received"));
        Assert.Equal(["graffiti"], await Descriptions("category=graffiti"));
        Assert.Equal(["graffiti"], await Descriptions("department=BYLAW"));
        Assert.Equal(["pothole far", "pothole two"], await Descriptions($"from={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}&to={Uri.EscapeDataString(day.AddDays(3).ToString("O"))}"));
        Assert.Equal(["pothole far"], await Descriptions("bbox=-114.3,51.1,-114.1,51.2"));
        Assert.Equal(["pothole two", "pothole one"], await Descriptions("category=pothole&bbox=-114.1,51.0,-114.0,51.1"));

        var paged = await Supervisor().GetFromJsonAsync<JsonElement>($"/api/issues?q={tag}&pageSize=3&page=2");
        Assert.Equal(4, paged.GetProperty("total").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task List_WithAnUnknownStatusOrBadBox_Is400WithFieldErrors()
    {
        var response = await Roads().GetAsync("/api/issues?status=Lost&bbox=1,2,3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("bbox", out _));
    }

    [Fact]
    public async Task Detail_HasHistoryMediaAndAllowedTriggers()
    {
        var issue = await NewIssueAsync("with a photo", configure: i => i.Media.Add(new IssueMedia { StoredPath = "2026/11/abc.jpg", ThumbnailPath = "2026/11/abc.thumb.jpg", ContentType = "image/jpeg", SizeBytes = 1234, ExifStripped = true }));
        await Roads().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Triage" });

        var detail = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/{issue.Id}");

        Assert.Equal(issue.ReferenceNumber, detail.GetProperty("issue").GetProperty("reference").GetInt32());
        Assert.Equal("/media/2026/11/abc.jpg", detail.GetProperty("media")[0].GetProperty("url").GetString());
        Assert.Equal(["Received", "Triaged"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(["Assign", "MarkDuplicate", "Reject", "CloseNotFixed"], detail.GetProperty("allowedTriggers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Roads().GetAsync("/api/issues/987654321")).StatusCode);
    }

    [Fact]
    public async Task Detail_AfterTheDeadlinePassed_ShowsTheEscalationAsAnEscalation()
    {
        var issue = await NewIssueAsync("still not fixed", IssueStatus.Triaged, configure: i => i.Deadline = app.Clock.GetUtcNow().AddHours(-1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Escalator>().EscalateAsync(issue.ReferenceNumber, CancellationToken.None);
        }

        var detail = await Roads().GetFromJsonAsync<JsonElement>($"/api/issues/{issue.Id}");

        var line = Assert.Single(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("actor").GetString() == "escalation");
        Assert.Equal("escalation", line.GetProperty("kind").GetString());
        Assert.Equal(("Triaged", "Triaged", false), (line.GetProperty("from").GetString(), line.GetProperty("to").GetString(), line.GetProperty("public").GetBoolean()));
        Assert.Contains("escalated to level 1", line.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "transition");
    }

    [Fact]
    public async Task FieldWorker_SeesPlaceDescriptionAndPhotos_NeverTheReporter_OnListAndDetail()
    {
        var phone = "+1403555" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ConversationRecord citizen;
        await using (var db = app.CreateDbContext())
        {
            citizen = await LifecycleData.ConversationAsync(db, "sms", phone);
        }

        var tag = "pii" + Guid.NewGuid().ToString("N")[..8];
        var issue = await NewIssueAsync($"{tag} sinkhole", reporter: citizen.Id, configure: i =>
        {
            i.ReporterName = "Pat Citizen";
            i.ReporterEmail = "pat@example.org";
            i.ReporterAddress = "12 Home St SW";

            // Field workers read only work assigned to them or their crew (ReportScope).
            i.AssignedTo = "Fiona";
            i.Media.Add(new IssueMedia { StoredPath = "2026/11/pii.jpg", ContentType = "image/jpeg", SizeBytes = 10, ExifStripped = true });
        });

        var crew = app.CreateClientAs(CivicRoles.FieldWorker, "roads", "Fiona");
        var listRaw = await crew.GetStringAsync($"/api/issues?q={tag}");
        var detailRaw = await crew.GetStringAsync($"/api/issues/{issue.Id}");
        var officeRaw = await Roads().GetStringAsync($"/api/issues/{issue.Id}");

        foreach (var raw in new[] { listRaw, detailRaw })
        {
            Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Pat Citizen", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("pat@example.org", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("12 Home St SW", raw, StringComparison.Ordinal);
            Assert.Contains($"{tag} sinkhole", raw, StringComparison.Ordinal);
        }

        var listed = JsonDocument.Parse(listRaw).RootElement.GetProperty("items")[0];
        var detailed = JsonDocument.Parse(detailRaw).RootElement.GetProperty("issue");
        foreach (var seen in new[] { listed, detailed })
        {
            Assert.Equal("17 Ave SW & 4 St SW", seen.GetProperty("addressText").GetString());
            Assert.Equal(LifecycleData.DowntownLat, seen.GetProperty("location").GetProperty("lat").GetDouble(), 6);
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("reporter").ValueKind);
        }

        Assert.Contains("/media/2026/11/pii.jpg", detailRaw, StringComparison.Ordinal);
        var office = JsonDocument.Parse(officeRaw).RootElement.GetProperty("issue").GetProperty("reporter");
        Assert.Equal((phone, "Pat Citizen", "12 Home St SW"), (office.GetProperty("contact").GetString(), office.GetProperty("name").GetString(), office.GetProperty("address").GetString()));
    }

    private HttpClient Roads() => app.CreateClientAs(CivicRoles.Staff, "roads", "Dana");

    private HttpClient Supervisor() => app.CreateClientAs(CivicRoles.Supervisor, "roads", "Sue");

    private async Task<Issue> NewIssueAsync(
        string description,
        IssueStatus status = IssueStatus.Received,
        string category = "pothole",
        Guid? reporter = null,
        double lat = LifecycleData.DowntownLat,
        double lon = LifecycleData.DowntownLon,
        DateTimeOffset? createdAt = null,
        Action<Issue>? configure = null)
    {
        await using var db = app.CreateDbContext();
        return await LifecycleData.IssueAsync(db, description, category, status, reporter, lat: lat, lon: lon, createdAt: createdAt, configure: configure);
    }
}
