using System.Net;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Twilio;

public sealed class TwilioUnconfiguredTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Theory]
    [InlineData("/channels/twilio/messages")]
    [InlineData("/channels/twilio/status")]
    public async Task WithoutCredentials_TheWebhooksAnswer404ChannelNotConfigured(string path)
    {
        using var content = new FormUrlEncodedContent([new("MessageSid", "SM1")]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Twilio-Signature", "c2lnbmVk");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not configured", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WithoutCredentials_NoTwilioSenderIsRegistered()
    {
        var channels = app.Services.GetServices<IChannelSender>().Select(s => s.Channel).ToList();

        Assert.DoesNotContain("sms", channels);
        Assert.DoesNotContain("whatsapp", channels);
    }
}
