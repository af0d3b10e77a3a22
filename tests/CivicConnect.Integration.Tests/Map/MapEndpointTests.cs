using System.Net;
using System.Text.Json;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Map;

/// <summary><c>GET /api/map/reports</c> and <c>/api/map/wards</c>: the same services as the map page, behind the office policy, scoped by department.</summary>
public sealed class MapEndpointTests(MapEndpointTests.App app) : IClassFixture<MapEndpointTests.App>
{
    private const string Box = "bbox=-114.12,51.03,-114.04,51.06";

    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = CreateDbContext();
            await MapRows.InsertAsync(db, "pothole", 51.0453, -114.0581);
            await MapRows.InsertAsync(db, "pothole", 51.0454, -114.0581);
            await MapRows.InsertAsync(db, "graffiti", 51.0440, -114.1000);
            await MapRows.InsertAsync(db, "graffiti", 51.0441, -114.1000, status: "Closed");
        }
    }

    [Fact]
    public async Task Supervisor_SeesEveryDepartmentsOpenReports_StaffTheirOwn()
    {
        var all = await GetAsync(app.CreateClientAs("supervisor"), $"/api/map/reports?{Box}&zoom=18");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(3, all.GetProperty("reports").GetArrayLength());

        var roads = await GetAsync(app.CreateClientAs("staff", "roads"), $"/api/map/reports?{Box}&zoom=18");
        Assert.Equal(["pothole", "pothole"], roads.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("category").GetString()));

        var clustered = await GetAsync(app.CreateClientAs("staff", "roads"), $"/api/map/reports?{Box}&zoom=12");
        var cluster = Assert.Single(clustered.GetProperty("clusters").EnumerateArray());
        Assert.Equal(2, cluster.GetProperty("count").GetInt32());
        Assert.Equal("pothole", cluster.GetProperty("dominantCategory").GetString());
    }

    [Theory]
    [InlineData("zoom=12", "bbox")]
    [InlineData("bbox=-114,51,-115,52&zoom=12", "bbox")]
    [InlineData("bbox=a,b,c,d&zoom=12", "bbox")]
    [InlineData(Box + "&zoom=40", "zoom")]
    [InlineData(Box, "zoom")]
    public async Task BadInput_IsA400NamingTheField(string query, string field)
    {
        var response = await app.CreateClientAs("supervisor").GetAsync($"/api/map/reports?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task FieldWorkersAndStrangers_AreRefused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs("field_worker", "roads").GetAsync($"/api/map/reports?{Box}&zoom=12")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/map/reports?{Box}&zoom=12")).StatusCode);
    }

    [Fact]
    public async Task Wards_AreGeoJsonWithTheCallersOpenReports()
    {
        var response = await app.CreateClientAs("staff", "bylaw").GetAsync("/api/map/wards");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(14, features.Count);
        Assert.Equal(1, features.Sum(f => f.GetProperty("properties").GetProperty("openReports").GetInt32()));
        await using var db = app.CreateDbContext();
        Assert.Equal(4, await db.Issues.CountAsync());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
