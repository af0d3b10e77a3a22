using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Analytics;

/// <summary>
/// <c>GET /api/analytics/summary</c> over a small data set whose every figure is known by hand:
/// six issues with their histories written through EF at fixed times.
/// </summary>
public sealed class AnalyticsSummaryTests(AnalyticsSummaryTests.App app) : IClassFixture<AnalyticsSummaryTests.App>
{
    private static readonly DateTimeOffset Nov = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = CreateDbContext();
            await SeedAsync(db);
        }
    }

    [Fact]
    public async Task Summary_ForNovember_GivesTheFiguresOfTheSeededIssues()
    {
        var summary = await GetAsync("/api/analytics/summary?from=2026-11-01&to=2026-12-01");

        Assert.Equal(5, summary.GetProperty("total").GetInt32());
        Assert.Equal([("Resolved", 2), ("Assigned", 1), ("Closed", 1), ("Received", 1)], Tallies(summary, "byStatus"));
        Assert.Equal([("pothole", 4), ("traffic-signal", 1)], Tallies(summary, "byCategory"));
        Assert.Equal([("1", 2), ("2", 2), (null, 1)], Tallies(summary, "byWard"));

        // Triage after 2, 4, 6 (assigned straight away) and 1 hours; D's escalation while Received is no triage.
        Assert.Equal((4, 3.0), Duration(summary, "timeToTriage"));
        // First resolutions after 10, 50 and 20 hours (F's second one, after a reopen, does not count).
        Assert.Equal((3, 20.0), Duration(summary, "timeToResolve"));

        var sla = summary.GetProperty("sla");
        Assert.Equal((3, 2, 66.7), (sla.GetProperty("resolved").GetInt32(), sla.GetProperty("onTime").GetInt32(), sla.GetProperty("compliancePercent").GetDouble()));

        var escalations = summary.GetProperty("escalations");
        Assert.Equal((3, 4), (escalations.GetProperty("escalatedIssues").GetInt32(), escalations.GetProperty("escalationEvents").GetInt32()));

        var satisfaction = summary.GetProperty("satisfaction");
        Assert.Equal(2, satisfaction.GetProperty("count").GetInt32());
        Assert.Equal(3.5, satisfaction.GetProperty("mean").GetDouble());
        Assert.Equal([("1", 0), ("2", 1), ("3", 0), ("4", 0), ("5", 1)], satisfaction.GetProperty("distribution").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public async Task Summary_WithoutFilters_CountsEveryIssue()
    {
        var summary = await GetAsync("/api/analytics/summary");

        Assert.Equal(6, summary.GetProperty("total").GetInt32());
        Assert.Equal(75.0, summary.GetProperty("sla").GetProperty("compliancePercent").GetDouble());
        Assert.Equal((5, 2.0), Duration(summary, "timeToTriage"));
        Assert.Equal(3, summary.GetProperty("satisfaction").GetProperty("count").GetInt32());
        Assert.Equal(2.67, summary.GetProperty("satisfaction").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Summary_ForOneDepartment_LeavesTheOthersOut()
    {
        var summary = await GetAsync("/api/analytics/summary?from=2026-11-01&to=2026-12-01&department=roads");

        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        Assert.Equal("ROADS", summary.GetProperty("scope").GetProperty("department").GetString());
        Assert.Equal([("pothole", 4)], Tallies(summary, "byCategory"));
        Assert.Equal((3, 2.0), Duration(summary, "timeToTriage"));
        Assert.Equal((2, 2), (summary.GetProperty("escalations").GetProperty("escalatedIssues").GetInt32(), summary.GetProperty("escalations").GetProperty("escalationEvents").GetInt32()));
    }

    [Fact]
    public async Task Summary_ToIsExclusive_AndAnEmptyRangeHasNoMedians()
    {
        var summary = await GetAsync("/api/analytics/summary?from=2026-11-03T00:00:00Z&to=2026-11-05T08:00:00Z");
        Assert.Equal([("Assigned", 1), ("Resolved", 1)], Tallies(summary, "byStatus"));

        var empty = await GetAsync("/api/analytics/summary?from=2025-01-01&to=2025-02-01");
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("timeToResolve").GetProperty("medianHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("sla").GetProperty("compliancePercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("satisfaction").GetProperty("mean").ValueKind);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("department=nowhere", "department")]
    public async Task Summary_BadParameter_Is400NamingTheField(string query, string field)
    {
        var response = await app.CreateClientAs(CivicRoles.Supervisor).GetAsync("/api/analytics/summary?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}'");
    }

    [Fact]
    public async Task Summary_ANulCharacterInTheDepartment_Is400()
    {
        // Found by the fuzzer (issue #16, 30,000 requests): PostgreSQL refuses U+0000 in a parameter (22021), which was a 500.
        var response = await app.CreateClientAs(CivicRoles.Supervisor).GetAsync("/api/analytics/summary?department=roads%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Summary_NeedsOfficeStaff_FieldWorkersAreRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/analytics/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(CivicRoles.FieldWorker, "roads").GetAsync("/api/analytics/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientAs(CivicRoles.Staff, "roads").GetAsync("/api/analytics/summary")).StatusCode);
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await app.CreateClientAs(CivicRoles.Supervisor).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(string?, int)> Tallies(JsonElement summary, string name) =>
        summary.GetProperty(name).EnumerateArray().Select(t => (t.GetProperty("code").GetString(), t.GetProperty("count").GetInt32())).ToList();

    private static (int, double?) Duration(JsonElement summary, string name)
    {
        var figure = summary.GetProperty(name);
        var median = figure.GetProperty("medianHours");
        return (figure.GetProperty("issues").GetInt32(), median.ValueKind == JsonValueKind.Null ? null : median.GetDouble());
    }

    /// <summary>
    /// In November: A closed (triaged 2 h, resolved 10 h of a 24 h SLA, satisfaction 5); B resolved late
    /// (4 h, 50 h of 48 h, escalated once, satisfaction 2); C traffic signal assigned at 6 h, escalated twice;
    /// D still Received with no ward, escalated once; F triaged 1 h, resolved 20 h of 24 h, reopened, resolved
    /// again at 60 h. In October: E triaged 1 h, resolved 5 h of 24 h, satisfaction 1.
    /// </summary>
    private static async Task SeedAsync(CivicDbContext db)
    {
        var pothole = await db.ServiceCategories.AsNoTracking().SingleAsync(c => c.Code == "pothole");
        var signal = await db.ServiceCategories.AsNoTracking().SingleAsync(c => c.Code == "traffic-signal");
        var ward1 = await db.Wards.AsNoTracking().Where(w => w.Code == "1").Select(w => w.Id).SingleAsync();
        var ward2 = await db.Wards.AsNoTracking().Where(w => w.Code == "2").Select(w => w.Id).SingleAsync();

        var a = Issue(pothole, ward1, Nov.AddDays(1).AddHours(8), IssueStatus.Closed, slaHours: 24);
        Move(a, 2, IssueStatus.Received, IssueStatus.Triaged);
        Move(a, 10, IssueStatus.Triaged, IssueStatus.Resolved);
        Move(a, 12, IssueStatus.Resolved, IssueStatus.Closed);
        a.RecordSatisfaction(5, a.CreatedAt.AddHours(13));

        var b = Issue(pothole, ward1, Nov.AddDays(2).AddHours(8), IssueStatus.Resolved, slaHours: 48);
        Move(b, 4, IssueStatus.Received, IssueStatus.Triaged);
        Escalate(b, 48);
        Move(b, 50, IssueStatus.Triaged, IssueStatus.Resolved);
        b.RecordSatisfaction(2, b.CreatedAt.AddHours(60));

        var c = Issue(signal, ward2, Nov.AddDays(3).AddHours(8), IssueStatus.Assigned, slaHours: 8);
        Move(c, 6, IssueStatus.Received, IssueStatus.Assigned);
        Escalate(c, 8);
        Escalate(c, 12);

        var d = Issue(pothole, null, Nov.AddDays(4).AddHours(8), IssueStatus.Received, slaHours: 24);
        Escalate(d, 24);

        var f = Issue(pothole, ward2, Nov.AddDays(5).AddHours(8), IssueStatus.Resolved, slaHours: 24);
        Move(f, 1, IssueStatus.Received, IssueStatus.Triaged);
        Move(f, 20, IssueStatus.Triaged, IssueStatus.Resolved);
        Move(f, 30, IssueStatus.Resolved, IssueStatus.Reopened);
        Move(f, 60, IssueStatus.Reopened, IssueStatus.Resolved);

        var e = Issue(pothole, ward1, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), IssueStatus.Closed, slaHours: 24);
        Move(e, 1, IssueStatus.Received, IssueStatus.Triaged);
        Move(e, 5, IssueStatus.Triaged, IssueStatus.Resolved);
        Move(e, 6, IssueStatus.Resolved, IssueStatus.Closed);
        e.RecordSatisfaction(1, e.CreatedAt.AddHours(7));

        db.Issues.AddRange(a, b, c, d, f, e);
        await db.SaveChangesAsync();
    }

    private static Issue Issue(ServiceCategory category, int? wardId, DateTimeOffset createdAt, IssueStatus status, int slaHours)
    {
        var issue = new Issue
        {
            CategoryId = category.Id,
            DepartmentId = category.DepartmentId,
            WardId = wardId,
            Status = status,
            Description = "seeded for analytics",
            Channel = "web",
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            Deadline = createdAt.AddHours(slaHours),
        };
        issue.Events.Add(new IssueEvent { Kind = IssueEventKinds.Intake, Actor = "citizen", ToStatus = IssueStatus.Received, Comment = "Reported", IsPublic = true, OccurredAt = createdAt });
        return issue;
    }

    /// <summary>A past transition: the issue is seeded in its final status, so the line is written as stored.</summary>
    private static void Move(Issue issue, double afterHours, IssueStatus from, IssueStatus to) =>
        issue.Events.Add(new IssueEvent { Kind = IssueEventKinds.Transition, Actor = "Dana", FromStatus = from, ToStatus = to, OccurredAt = issue.CreatedAt.AddHours(afterHours) });

    private static void Escalate(Issue issue, double afterHours) => issue.Escalate(raisePriority: false, issue.CreatedAt.AddHours(afterHours));
}
