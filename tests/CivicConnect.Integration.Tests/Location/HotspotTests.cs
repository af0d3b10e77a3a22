using System.Net;
using System.Text.Json;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>GET /api/issues/hotspots on real PostGIS: seeded clusters come back as GeoJSON features, noise and closed issues do not.</summary>
public sealed class HotspotTests(HotspotTests.Factory app) : IClassFixture<HotspotTests.Factory>, IAsyncLifetime
{
    // 17 Ave SW & 4 St SW, Calgary City Hall, and a quiet corner of Bridgeland.
    private const double BeltlineLat = 51.0379, BeltlineLon = -114.0720;
    private const double CityHallLat = 51.0453, CityHallLon = -114.0581;
    private const double BridgelandLat = 51.0530, BridgelandLon = -114.0400;

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Issues.AnyAsync())
        {
            return;
        }

        var now = app.Clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(BeltlineLat, i * 15), BeltlineLon, $"pothole {i}", now.AddDays(-2));
        }

        for (var i = 0; i < 3; i++)
        {
            await IssueRows.InsertAsync(db, "graffiti", "Received", IssueRows.North(CityHallLat, i * 20), CityHallLon, $"tag {i}", now.AddDays(-10));
        }

        // A lone report is noise, not a hotspot; three closed ones are not open issues at all.
        await IssueRows.InsertAsync(db, "pothole", "Received", 51.1000, -114.1500, "lone pothole", now.AddDays(-1));
        for (var i = 0; i < 3; i++)
        {
            await IssueRows.InsertAsync(db, "streetlight", "Resolved", IssueRows.North(BridgelandLat, i * 10), BridgelandLon, $"fixed light {i}", now.AddDays(-3));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Open_issues_come_back_as_one_feature_per_cluster_biggest_first()
    {
        // A supervisor reads every department's reports (staff see only their own department's hotspots: ReadRuleAgreementTests).
        var response = await app.CreateClientAs("supervisor").GetAsync("/api/issues/hotspots");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);

        var potholes = features[0];
        Assert.Equal("Feature", potholes.GetProperty("type").GetString());
        Assert.Equal("Point", potholes.GetProperty("geometry").GetProperty("type").GetString());
        var centre = potholes.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal(BeltlineLon, centre[0], 4);
        Assert.Equal(IssueRows.North(BeltlineLat, 22.5), centre[1], 4);
        var properties = potholes.GetProperty("properties");
        Assert.Equal(4, properties.GetProperty("issueCount").GetInt32());
        Assert.Equal(["pothole"], properties.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.InRange(properties.GetProperty("radiusMeters").GetDouble(), 20, 25);
        Assert.Equal(await ReferencesAsync("pothole %"), properties.GetProperty("referenceNumbers").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(4, properties.GetProperty("issueIds").GetArrayLength());

        Assert.Equal(3, features[1].GetProperty("properties").GetProperty("issueCount").GetInt32());
        Assert.Equal(["graffiti"], features[1].GetProperty("properties").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_category_and_a_since_narrow_the_clusters()
    {
        var graffiti = await FeaturesAsync("/api/issues/hotspots?category=graffiti");
        var sinceLastWeek = await FeaturesAsync($"/api/issues/hotspots?since={app.Clock.GetUtcNow().AddDays(-7):yyyy-MM-dd}");

        Assert.Equal(["graffiti"], graffiti.Select(f => f.GetProperty("properties").GetProperty("categories")[0].GetString()));
        Assert.Equal(["pothole"], sinceLastWeek.Select(f => f.GetProperty("properties").GetProperty("categories")[0].GetString()));
    }

    [Fact]
    public async Task Without_a_staff_token_the_hotspots_are_not_shown()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/issues/hotspots")).StatusCode);
        var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/issues/hotspots")).StatusCode);
    }

    [Theory]
    [InlineData("field_worker")]
    [InlineData("supervisor")]
    public async Task Every_staff_role_sees_the_hotspots(string role) =>
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientAs(role).GetAsync("/api/issues/hotspots")).StatusCode);

    [Theory]
    [InlineData("since=last-tuesday", "since")]
    [InlineData("since=2099-01-01", "since")]
    [InlineData("category=no-such-thing", "category")]
    [InlineData("category=%27%3B%20DROP%20TABLE%20issues%3B%20--", "category")]
    public async Task Bad_query_parameters_are_400_problem_details_with_the_field(string query, string field)
    {
        var response = await app.CreateClientAs("supervisor").GetAsync($"/api/issues/hotspots?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), json.RootElement.ToString());
        await using var db = app.CreateDbContext();
        Assert.Equal(11, await db.Issues.CountAsync());
    }

    private async Task<List<JsonElement>> FeaturesAsync(string url)
    {
        var response = await app.CreateClientAs("supervisor").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    private async Task<List<int>> ReferencesAsync(string descriptionLike)
    {
        await using var db = app.CreateDbContext();
        return await db.Issues.Where(i => EF.Functions.Like(i.Description, descriptionLike) && i.Description != "lone pothole")
            .OrderBy(i => i.ReferenceNumber).Select(i => i.ReferenceNumber).ToListAsync();
    }

    public sealed class Factory : CivicAppFactory;
}
