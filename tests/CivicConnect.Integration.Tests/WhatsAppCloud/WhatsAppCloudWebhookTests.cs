using System.Net;
using System.Text;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.WhatsAppCloud;

/// <summary>The Meta webhook's front door: verification, signatures and bad input.</summary>
public sealed class WhatsAppCloudWebhookTests(WhatsAppCloudAppFactory app) : IClassFixture<WhatsAppCloudAppFactory>
{
    private readonly CloudWebhook meta = new(app);

    [Fact]
    public async Task Verification_WithTheConfiguredToken_EchoesTheChallenge_OtherwiseIs403()
    {
        var client = app.CreateClient();
        var ok = await client.GetAsync($"{CloudWebhook.Path}?hub.mode=subscribe&hub.verify_token={WhatsAppCloudAppFactory.VerifyToken}&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());

        foreach (var query in new[] { "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", "hub.mode=unsubscribe&hub.verify_token=" + WhatsAppCloudAppFactory.VerifyToken + "&hub.challenge=1", "hub.challenge=1" })
        {
            var refused = await client.GetAsync($"{CloudWebhook.Path}?{query}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Message_WithWrongOrMissingSignature_IsRefusedAndNotStored()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var body = CloudWebhook.Notification(CloudWebhook.Text(waId, "hi"));

        var wrongSecret = await meta.PostAsync(body, CloudWebhook.Sign(body, "another-app-secret"));
        var tampered = await meta.PostAsync(body.Replace("\"hi\"", "\"ho\"", StringComparison.Ordinal), CloudWebhook.Sign(body));
        var garbage = await meta.PostAsync(body, "sha256=zz");
        var missing = await meta.PostAsync(body, signature: null);

        Assert.All(new[] { wrongSecret, tampered, garbage, missing }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == "+" + waId));
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"object":"page","entry":[]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"type":"text","text":{"body":"no sender"},"id":"wamid.X"}]}}]}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"not-a-number","id":"wamid.Y","type":"text","text":{"body":"x"}}]}}]}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[]}""", HttpStatusCode.OK)]
    public async Task MalformedOrIncompleteNotifications_GetTheRight4xx(string body, HttpStatusCode expected)
    {
        var response = await meta.PostAsync(body);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OneMegabyteBody_Is413_AndFormBody_Is415()
    {
        var huge = CloudWebhook.Notification(CloudWebhook.Text(WhatsAppCloudAppFactory.NewWaId(), new string('a', 1024 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await meta.PostAsync(huge)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await meta.PostAsync("a=b", contentType: "application/x-www-form-urlencoded")).StatusCode);
    }

    [Theory]
    [InlineData(91, -114)]
    [InlineData(51, 181)]
    public async Task Location_WithInvalidCoordinates_IsDroppedAndTheCitizenIsAskedAgain(double latitude, double longitude)
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await meta.SendOk(CloudWebhook.Location(waId, latitude, longitude));
        await app.DrainOutboxAsync();

        Assert.NotEmpty(app.SentTo(waId));
        Assert.DoesNotContain(app.SentTo(waId), m => m.ToJsonString().Contains("location you shared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Location_WithAStringWhereTheNumberGoes_IsDroppedNot500()
    {
        // Found by the fuzzer (issue #16): a validly signed body with "latitude": "51.04" was a 500.
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var message = CloudWebhook.Location(waId, 51.04, -114.07);
        message["location"]!["latitude"] = "51.04";

        await meta.SendOk(message);
        await app.DrainOutboxAsync();

        Assert.NotEmpty(app.SentTo(waId));
        Assert.DoesNotContain(app.SentTo(waId), m => m.ToJsonString().Contains("location you shared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'; DROP TABLE issues; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("nid de poule 🕳️ sur la 17e avenue\u0000")]
    [InlineData("\u202Eevil\u200B")]
    public async Task Text_WithUnicodeOrInjectionStrings_GetsAPoliteReplyAndNo5xx(string text)
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await meta.SendOk(CloudWebhook.Text(waId, text));
        await app.DrainOutboxAsync();
        Assert.NotEmpty(app.SentTo(waId));
    }
}

/// <summary>Without credentials the Meta webhook says the channel is off.</summary>
public sealed class WhatsAppCloudUnconfiguredTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task WithoutCredentials_TheWebhookAnswers404ChannelNotConfigured()
    {
        var client = app.CreateClient();
        var get = await client.GetAsync($"{CloudWebhook.Path}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, CloudWebhook.Path) { Content = content };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        var post = await client.SendAsync(request);

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("not configured", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
