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

/// <summary>Routing goes live only through a draft: save, simulate on recent reports (what moves where), publish; an edit after a simulation needs a new one.</summary>
public sealed class RoutingDraftTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private const string PotholesToParks = """
        { "comment": "potholes to parks for the trial",
          "rules": { "rules": [ { "name": "Parks potholes", "match": { "categories": ["pothole"] }, "then": { "department": "PARKS", "priority": "high", "slaHours": 1.5 } } ], "default": {} } }
        """;

    [Fact]
    public async Task Draft_SavedSimulatedPublished_ThenRoutesNewReports()
    {
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor, name: "Rita");
        var before = (await supervisor.GetFromJsonAsync<JsonElement>("/admin/routing")).GetProperty("version").GetInt32();
        var pothole = await PotholeAsync();
        Assert.Equal("ROADS", pothole.Department!.Code);

        var saved = await ReadAsync(await supervisor.PutAsync("/admin/routing/draft", Json(PotholesToParks)), 200);
        Assert.Equal("Rita", saved.GetProperty("updatedBy").GetString());
        Assert.Equal(before, saved.GetProperty("basedOnVersion").GetInt32());
        Assert.False(saved.TryGetProperty("simulatedAt", out _));

        // Not live, and not publishable before it has been simulated.
        Assert.Equal(before, (await supervisor.GetFromJsonAsync<JsonElement>("/admin/routing")).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync("/admin/routing/draft/publish", null)).StatusCode);

        var simulation = await ReadAsync(await supervisor.PostAsync("/admin/routing/draft/simulate", Json("""{ "last": 20 }""")), 200);
        var move = Assert.Single(simulation.GetProperty("issues").EnumerateArray(), i => i.GetProperty("referenceNumber").GetInt32() == pothole.ReferenceNumber);
        Assert.Equal("ROADS", move.GetProperty("published").GetProperty("department").GetString());
        Assert.Equal("PARKS", move.GetProperty("draft").GetProperty("department").GetString());
        Assert.Equal("high", move.GetProperty("draft").GetProperty("priority").GetString());
        var moved = simulation.GetProperty("changed").GetInt32();
        var draft = await supervisor.GetFromJsonAsync<JsonElement>("/admin/routing/draft");
        Assert.Equal(moved, draft.GetProperty("simulatedMoves").GetInt32());
        Assert.Equal(simulation.GetProperty("considered").GetInt32(), draft.GetProperty("simulatedReports").GetInt32());

        // An edit after the simulation needs a new one.
        await ReadAsync(await supervisor.PutAsync("/admin/routing/draft", Json(PotholesToParks.Replace("1.5", "2", StringComparison.Ordinal))), 200);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync("/admin/routing/draft/publish", null)).StatusCode);
        await ReadAsync(await supervisor.PostAsync("/admin/routing/draft/simulate", null), 200);

        var published = await ReadAsync(await supervisor.PostAsync("/admin/routing/draft/publish", Json("""{ "comment": "trial starts" }""")), 200);
        Assert.Equal(before + 1, published.GetProperty("version").GetInt32());
        Assert.StartsWith("trial starts (simulated on ", published.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, published.GetProperty("rules").GetProperty("rules")[0].GetProperty("then").GetProperty("slaHours").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/admin/routing/draft")).StatusCode);

        var routed = await PotholeAsync();
        Assert.Equal("PARKS", routed.Department!.Code);
        Assert.Equal(Priority.High, routed.Priority);

        var rolledBack = await ReadAsync(await supervisor.PostAsync($"/admin/routing/versions/{before}/rollback", null), 200);
        Assert.Equal(before + 2, rolledBack.GetProperty("version").GetInt32());
        Assert.Equal("ROADS", (await PotholeAsync()).Department!.Code);
    }

    [Fact]
    public async Task Draft_InvalidRules_Is400AndNothingIsSaved()
    {
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        await supervisor.DeleteAsync("/admin/routing/draft");

        var response = await supervisor.PutAsync("/admin/routing/draft", Json("""{ "rules": { "rules": [ { "name": "x", "then": { "department": "NOPE" } } ] } }"""));

        var problem = await ReadAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rules[0].then.department", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/admin/routing/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync("/admin/routing/draft/simulate", null)).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.RoutingRuleDrafts.CountAsync());
    }

    [Fact]
    public async Task Draft_SimulatingTooManyReports_Is400()
    {
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        await ReadAsync(await supervisor.PutAsync("/admin/routing/draft", Json(PotholesToParks)), 200);

        var problem = await ReadAsync(await supervisor.PostAsync("/admin/routing/draft/simulate", Json("""{ "last": 100000 }""")), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("last", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync("/admin/routing/draft")).StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<Issue> PotholeAsync()
    {
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = int.Parse((await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        return await db.Issues.Include(i => i.Department).SingleAsync(i => i.ReferenceNumber == reference);
    }
}
