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
