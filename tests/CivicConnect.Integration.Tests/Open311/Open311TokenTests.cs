using CivicConnect.Integration.Tests.Infrastructure;
using static CivicConnect.Integration.Tests.Open311.Open311Client;

namespace CivicConnect.Integration.Tests.Open311;

/// <summary>A deployment configured as <c>batch</c>: posting answers a token, <c>GET /tokens/{token}</c> gives the id.</summary>
public sealed class Open311TokenTests(Open311TokenTests.App app) : IClassFixture<Open311TokenTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Settings["Open311:ApiKeys:0"] = Key;
            Settings["Open311:ServiceType"] = "batch";
        }
    }

    [Fact]
    public async Task PostRequest_InBatchMode_AnswersATokenThatResolvesToTheRequest()
    {
        var client = app.CreateClient();

        var created = (await JsonAsync(await PostAsync(client, "json", Pothole()))).EnumerateArray().Single();
        Assert.Equal(["token", "service_notice", "account_id"], Names(created));
        var token = created.GetProperty("token").GetString()!;

        var resolved = (await JsonAsync(await client.GetAsync($"/open311/v2/tokens/{token}.json"))).EnumerateArray().Single();
        Assert.Equal(["service_request_id", "token"], Names(resolved));
        Assert.Equal(token, resolved.GetProperty("token").GetString());
        var id = resolved.GetProperty("service_request_id").GetString();

        var xml = await XmlAsync(await client.GetAsync($"/open311/v2/tokens/{token}.xml"));
        Assert.Equal(id, xml.Root!.Element("request")!.Element("service_request_id")!.Value);

        var services = await JsonAsync(await client.GetAsync("/open311/v2/services.json"));
        Assert.All(services.EnumerateArray(), s => Assert.Equal("batch", s.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task GetToken_Unknown_Is404()
    {
        await AssertXmlErrorAsync(await app.CreateClient().GetAsync("/open311/v2/tokens/0000.xml"), 404, "token '0000' was not found");
    }
}
