using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>
/// An independent client: the official botframework-directlinejs 0.15.8 (the library inside Web
/// Chat), in node, against the real server listening on a loopback port.
/// </summary>
public sealed class DirectLineJsClientTests : IClassFixture<DirectLineJsClientTests.KestrelFactory>
{
    private readonly KestrelFactory app;

    public DirectLineJsClientTests(KestrelFactory app) => this.app = app;

    [Fact]
    public async Task DirectLineJs_PostsAMessage_ReceivesTheReplyOverTheStreamAndByPolling()
    {
        var baseUrl = app.StartOnLoopback();

        var (exitCode, output, errors) = await NodeClient.RunAsync(
            "directline-client.js",
            new Dictionary<string, string> { ["CIVIC_BASE_URL"] = baseUrl },
            TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{output}\n{errors}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        var conversationId = root.GetProperty("conversationId").GetString()!;
        Assert.Equal($"{conversationId}|node-1", root.GetProperty("postedId").GetString());
        Assert.Contains("what problem you'd like to report", root.GetProperty("streamReply").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("civicconnect", root.GetProperty("streamReply").GetProperty("from").GetString());
        Assert.Contains("Online", root.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("FailedToConnect", root.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));

        // The user's own message comes back first (with the server id), then the reply — on both paths.
        foreach (var path in new[] { "streamed", "polled" })
        {
            var activities = root.GetProperty(path).EnumerateArray().ToArray();
            Assert.Equal($"{conversationId}|node-1", activities[0].GetProperty("id").GetString());
            Assert.Equal("hi", activities[0].GetProperty("text").GetString());
            Assert.Equal("civicconnect", activities[^1].GetProperty("from").GetString());
            Assert.Contains("what problem you'd like to report", activities[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The real server on Kestrel at 127.0.0.1 and a free port, so an outside process can reach it.</summary>
    public sealed class KestrelFactory : DirectLineAppFactory
    {
        public KestrelFactory() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

        public string StartOnLoopback()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().TrimEnd('/');
        }
    }
}
