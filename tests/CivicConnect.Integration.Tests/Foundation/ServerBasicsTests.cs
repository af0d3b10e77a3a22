using System.Net;
using System.Text.Json;
using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Foundation;

public sealed class ServerBasicsTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task HealthReady_WithWardsAndCatalogLoaded_IsHealthy()
    {
        // Not ready until the classifier is in memory (built in the background as the node starts).
        var client = app.CreateClient();
        var response = await client.GetAsync("/health/ready");
        for (var i = 0; i < 600 && response.StatusCode != HttpStatusCode.OK; i++)
        {
            using var waiting = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", waiting.RootElement.GetProperty("checks").GetProperty("classifier").GetProperty("status").GetString());
            await Task.Delay(200);
            response = await client.GetAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("classifier").GetProperty("status").GetString());
        Assert.Equal(14, body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("wards").GetInt32());
    }

    [Fact]
    public async Task HealthLive_Answers()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/wards/lookup", out _));
    }

    [Fact]
    public async Task OpenApi_AppDocument_ListsTheAppsEndpoints_EachExplainedInTheGuide()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/app.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal("3.1.1", document.RootElement.GetProperty("openapi").GetString());
        foreach (var expected in new[]
        {
            "/api/webchat/token", "/api/webchat/remember", "/v3/directline/tokens/refresh", "/v3/directline/conversations",
            "/v3/directline/conversations/{conversationId}/activities", "/v3/directline/conversations/{conversationId}/upload",
        })
        {
            Assert.Contains(expected, paths);
        }

        Assert.DoesNotContain(paths, p => p.StartsWith("/api/issues", StringComparison.Ordinal) || p.StartsWith("/admin", StringComparison.Ordinal));
        var guide = await File.ReadAllTextAsync(Path.Combine(CivicConnect.Core.Hosting.RepositoryPaths.RootDirectory, "docs", "mobile-app.md"));
        Assert.All(paths, p => Assert.Contains(p, guide, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownRoute_IsAProblemDetails404()
    {
        var response = await app.CreateClient().GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Categories_AreSeededInEnglishAndFrench()
    {
        using var english = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/categories"));
        using var french = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/categories?locale=fr"));

        Assert.Equal(15, english.RootElement.GetArrayLength());
        var pothole = english.RootElement.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "pothole");
        var nidDePoule = french.RootElement.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "pothole");
        Assert.Equal("Pothole", pothole.GetProperty("name").GetString());
        Assert.Equal("Nid-de-poule", nidDePoule.GetProperty("name").GetString());
    }
}
