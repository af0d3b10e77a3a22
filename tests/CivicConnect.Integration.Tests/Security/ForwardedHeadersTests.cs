using System.Net;
using System.Text.Json;
using CivicConnect.Integration.Tests.DirectLine;
using Microsoft.AspNetCore.Http;

namespace CivicConnect.Integration.Tests.Security;

/// <summary>
/// Behind a load balancer: X-Forwarded-For and X-Forwarded-Proto are believed from the configured
/// proxy only. Requests go through the test server with a real remote address on the connection
/// (the in-memory client has none), the way Kestrel would see them.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.App app) : IClassFixture<ForwardedHeadersTests.App>
{
    private const string Proxy = "10.0.0.5";

    public sealed class App : DirectLineAppFactory
    {
        public App()
        {
            Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
            Settings["DirectLine:WebChatTokensPerMinute"] = "1";
        }
    }

    [Fact]
    public async Task WebChatToken_TwoCitizensBehindTheTrustedProxy_HaveTheirOwnBuckets()
    {
        Assert.Equal(StatusCodes.Status200OK, await TokenStatusAsync(from: Proxy, forwardedFor: "203.0.113.10"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await TokenStatusAsync(from: Proxy, forwardedFor: "203.0.113.10"));

        // Same proxy, another citizen: not held back by the first one's limit.
        Assert.Equal(StatusCodes.Status200OK, await TokenStatusAsync(from: Proxy, forwardedFor: "203.0.113.11"));
    }

    [Fact]
    public async Task WebChatToken_ForwardedForFromAnUntrustedSender_IsIgnored()
    {
        Assert.Equal(StatusCodes.Status200OK, await TokenStatusAsync(from: "198.51.100.7", forwardedFor: "203.0.113.20"));

        // Claiming to be someone else does not buy a fresh bucket: the limit is on the sender's own address.
        Assert.Equal(StatusCodes.Status429TooManyRequests, await TokenStatusAsync(from: "198.51.100.7", forwardedFor: "203.0.113.21"));
    }

    [Theory]
    [InlineData(Proxy, "wss://")]
    [InlineData("198.51.100.8", "ws://")]
    public async Task StartConversation_ForwardedProtoHttps_GivesWssOnlyFromTheTrustedProxy(string from, string expectedScheme)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/v3/directline/conversations";
            c.Request.Headers.Authorization = "Bearer " + DirectLineClient.Secret;
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.30";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
        });

        Assert.Equal(StatusCodes.Status201Created, context.Response.StatusCode);
        var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.StartsWith(expectedScheme, body.RootElement.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> TokenStatusAsync(string from, string forwardedFor)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/webchat/token";
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return context.Response.StatusCode;
    }
}
