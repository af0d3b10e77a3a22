using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineStreamTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task Stream_AfterConnecting_ReceivesTheUsersEchoAndTheBotsReply()
    {
        var (conversationId, streamUrl, token) = await StartAsync();
        using var socket = await ConnectAsync(streamUrl);

        var id = await client.SendTextAsync(conversationId, token, "hi");
        var activities = await ReceiveUntilAsync(socket, seen => seen.Any(DirectLineClient.IsFromBot));

        Assert.Equal(id, activities[0].GetProperty("id").GetString());
        Assert.Equal("hi", activities[0].GetProperty("text").GetString());
        Assert.Contains("what problem you'd like to report", activities.First(DirectLineClient.IsFromBot).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ConnectedWithAWatermark_ResumesAfterIt()
    {
        var (conversationId, _, token) = await StartAsync();
        var before = await client.SendTextAsync(conversationId, token, "hi");
        await client.WaitForReplyAsync(conversationId, token, before);
        var watermark = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("watermark").GetString();
        using var reconnect = DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        var streamUrl = (await (await client.Http.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        using var socket = await ConnectAsync(streamUrl);

        var after = await client.SendTextAsync(conversationId, token, "pothole on 17 Ave SW at 4 St SW");
        var activities = await ReceiveUntilAsync(socket, seen => seen.Any(DirectLineClient.IsFromBot));

        Assert.Equal(after, activities[0].GetProperty("id").GetString());
        Assert.DoesNotContain(activities, a => a.GetProperty("id").GetString() == before);
        Assert.Contains(activities, a => DirectLineClient.IsFromBot(a) && a.GetProperty("text").GetString()!.Contains("Pothole", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_WhenTheTokenExpires_ClosesCleanly()
    {
        var (_, streamUrl, _) = await StartAsync();
        using var socket = await ConnectAsync(streamUrl);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var result = await ReceiveCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
        Assert.Equal("token expired", result.CloseStatusDescription);
    }

    [Fact]
    public async Task Stream_ReplyDeliveredByAnotherNode_IsPushedAtOnce()
    {
        var (conversationId, streamUrl, _) = await StartAsync();
        using var socket = await ConnectAsync(streamUrl);
        var otherNode = new SecondNodeFactory(app);
        try
        {
            var sender = otherNode.Services.GetServices<IChannelSender>().Single(s => s.Channel == "directline");

            await sender.SendAsync(new OutboundMessage(800_001, "notification", "directline", conversationId, null, "en", Reply.Plain("Your report #1042 is now In progress.")), CancellationToken.None);
            var activities = await ReceiveUntilAsync(socket, seen => seen.Count > 0);

            Assert.Equal("Your report #1042 is now In progress.", Assert.Single(activities).GetProperty("text").GetString());
        }
        finally
        {
            await otherNode.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_WhenTheServerShutsDown_ClosesWithGoingAway()
    {
        var node = new DirectLineAppFactory();
        await node.InitializeAsync();
        try
        {
            var nodeClient = new DirectLineClient(node.CreateClient());
            var (_, token) = await nodeClient.StartAsync();
            using var start = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", token);
            var streamUrl = (await (await nodeClient.Http.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
            using var socket = await node.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);

            node.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            var close = await ReceiveCloseAsync(socket);

            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_WithATokenForAnotherConversation_IsRefused()
    {
        var (mine, _, _) = await StartAsync();
        var (_, _, othersToken) = await StartAsync();
        var wsClient = app.Server.CreateWebSocketClient();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            wsClient.ConnectAsync(new Uri($"ws://localhost/v3/directline/conversations/{mine}/stream?t={Uri.EscapeDataString(othersToken)}"), CancellationToken.None));

        Assert.Contains("403", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads frames (activities, keep-alives) until the server closes the socket.</summary>
    private static async Task<WebSocketReceiveResult> ReceiveCloseAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        return result;
    }

    private async Task<(string ConversationId, string StreamUrl, string Token)> StartAsync()
    {
        var token = (await client.GenerateTokenAsync()).GetProperty("token").GetString()!;
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", token);
        var body = await (await client.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("streamUrl").GetString()!, token);
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    /// <summary>Collects activities from frames (skipping empty keep-alives) until <paramref name="done"/> holds.</summary>
    private static async Task<List<JsonElement>> ReceiveUntilAsync(WebSocket socket, Func<List<JsonElement>, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (!done(seen))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            if (frame.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("watermark").GetString()));
            seen.AddRange(document.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
        }

        return seen;
    }
}
