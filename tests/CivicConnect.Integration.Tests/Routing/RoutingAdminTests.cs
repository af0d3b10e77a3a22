using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Routing;

/// <summary>/admin/routing: the rules file as version 1, publishing, rollback, validation, simulation; the intake routes by the published rules.</summary>
public sealed class RoutingAdminTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private const string SendPotholesToParks = """
        {
          "comment": "potholes to parks for the trial",
          "rules": {
            "rules": [ { "name": "Parks potholes", "match": { "categories": ["pothole"] }, "then": { "department": "PARKS", "priority": "high", "slaHours": 1.5 } } ],
            "default": {}
          }
        }
        """;

    [Fact]
    public async Task RoutingRules_PublishUseAndRollBack()
    {
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor, name: "Sam");

        var current = await supervisor.GetFromJsonAsync<JsonElement>("/admin/routing");
        var baseVersion = current.GetProperty("version").GetInt32();
        Assert.Contains(current.GetProperty("rules").GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "Water main break");

        var published = await supervisor.PutAsync("/admin/routing", Json(SendPotholesToParks));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var view = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(baseVersion + 1, view.GetProperty("version").GetInt32());
        Assert.Equal("Sam", view.GetProperty("createdBy").GetString());

        var routed = await PotholeAsync();
        Assert.Equal("PARKS", routed.Department!.Code);
        Assert.Equal(Priority.High, routed.Priority);
        Assert.Equal(routed.CreatedAt.AddHours(1.5), routed.Deadline);

        var rolledBack = await supervisor.PostAsync($"/admin/routing/versions/{baseVersion}/rollback", null);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal(baseVersion + 2, (await rolledBack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal("ROADS", (await PotholeAsync()).Department!.Code);

        var versions = await supervisor.GetFromJsonAsync<JsonElement>("/admin/routing/versions");
        Assert.Equal([baseVersion + 2, baseVersion + 1, baseVersion], versions.EnumerateArray().Take(3).Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal($"Rollback to version {baseVersion}", versions[0].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Publish_InvalidRules_Is400NamingEveryProblem()
    {
        var body = """
            { "rules": { "rules": [
              { "name": "a", "match": { "categories": ["unicorns"], "wards": ["99"], "timeOfDay": "late" }, "then": { "department": "NOPE", "slaHours": 0, "alert": ["not an address"] } },
              { "name": "a" } ] } }
            """;

        var response = await app.CreateClientAs(CivicRoles.Supervisor).PutAsync("/admin/routing", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["rules[0].match.categories", "rules[0].match.wards", "rules[0].match.timeOfDay", "rules[0].then.department", "rules[0].then.slaHours", "rules[0].then.alert", "rules[1].name"],
            errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RoutingAdmin_IsForSupervisorsOnly()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(CivicRoles.Staff, "ROADS").GetAsync("/admin/routing")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/admin/routing")).StatusCode);
    }

    [Fact]
    public async Task Simulate_ShowsWhichRecentIssuesADraftWouldRouteDifferently()
    {
        var pothole = (await PotholeAsync()).ReferenceNumber;
        var dumping = await Open311Async(("service_code", "illegal-dumping"), ("lat", "51.0379"), ("long", "-114.0720"), ("description", "sofa"));

        var response = await app.CreateClientAs(CivicRoles.Supervisor).PostAsync("/admin/routing/simulate", Json(SendPotholesToParks.Replace("\"comment\"", "\"last\": 50, \"c\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var simulation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var issues = simulation.GetProperty("issues").EnumerateArray().ToList();
        var changed = Assert.Single(issues, i => i.GetProperty("referenceNumber").GetInt32() == pothole);
        Assert.DoesNotContain(issues, i => i.GetProperty("referenceNumber").GetInt32() == dumping);
        Assert.Equal("ROADS", changed.GetProperty("published").GetProperty("department").GetString());
        Assert.Equal("PARKS", changed.GetProperty("draft").GetProperty("department").GetString());
        Assert.Equal("high", changed.GetProperty("draft").GetProperty("priority").GetString());
        Assert.Equal("Parks potholes", changed.GetProperty("draft").GetProperty("rule").GetString());
        Assert.True(simulation.GetProperty("considered").GetInt32() >= 2);
        Assert.Equal(issues.Count, simulation.GetProperty("changed").GetInt32());

        // A simulation publishes nothing.
        await using var db = app.CreateDbContext();
        Assert.Equal("ROADS", (await db.Issues.Include(i => i.Department).SingleAsync(i => i.ReferenceNumber == pothole)).Department!.Code);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private async Task<Issue> PotholeAsync()
    {
        var reference = await Open311Async([.. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        await using var db = app.CreateDbContext();
        return await db.Issues.Include(i => i.Department).SingleAsync(i => i.ReferenceNumber == reference);
    }

    private async Task<int> Open311Async(params (string Name, string Value)[] fields)
    {
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. fields]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        return int.Parse(created.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }
}
