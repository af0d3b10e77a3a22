using System.Net;
using System.Net.Http.Json;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineRateLimitTests : IClassFixture<DirectLineRateLimitTests.Factory>
{
    private readonly Factory app;

    public DirectLineRateLimitTests(Factory app) => this.app = app;

    [Fact]
    public async Task WebChatToken_MoreThanTheLimitPerMinute_Is429WithRetryAfter()
    {
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("/api/webchat/token", content: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Activities_MoreThanTheLimitPerMinuteInOneConversation_Are429WithRetryAfter_OtherConversationsGoOn()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostTypingAsync(client, conversationId, token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var (otherConversation, otherToken) = await client.StartAsync();
        using var other = await PostTypingAsync(client, otherConversation, otherToken);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Uploads_MoreThanTheLimitPerMinuteInOneConversation_Are429WithRetryAfter()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();

        using var first = await UploadAsync(client, conversationId, token);
        using var second = await UploadAsync(client, conversationId, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task Stream_OneMoreThanTheMaximumOpenForAConversation_IsRefusedWith429()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();
        var streamUrl = new Uri($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var first = await app.Server.CreateWebSocketClient().ConnectAsync(streamUrl, timeout.Token);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.Server.CreateWebSocketClient().ConnectAsync(streamUrl, timeout.Token));

        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, first.State);
    }

    [Fact]
    public async Task Refresh_PastTheMaximumConversationLifetime_IsRefused()
    {
        var client = new DirectLineClient(app.CreateClient());
        var token = (await client.GenerateTokenAsync()).GetProperty("token").GetString()!;

        // Refreshing every 20 minutes, as clients do, works until the 45-minute lifetime is used up.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        token = await RefreshAsync(client, token, HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        token = await RefreshAsync(client, token, HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        await RefreshAsync(client, token, HttpStatusCode.Forbidden);
    }

    private static async Task<string> RefreshAsync(DirectLineClient client, string token, HttpStatusCode expected)
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()! : token;
    }

    private static async Task<HttpResponseMessage> PostTypingAsync(DirectLineClient client, string conversationId, string token)
    {
        // Typing is acknowledged and dropped, so the limit is measured without running a turn.
        using var request = DirectLineClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token);
        request.Content = new StringContent("""{"type":"typing","from":{"id":"citizen-1"}}""", System.Text.Encoding.UTF8, "application/json");
        return await client.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(DirectLineClient client, string conversationId, string token)
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=citizen-1", token);
        var (data, contentType) = TestImages.Photo("jpeg");
        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Content = new MultipartFormDataContent { { part, "file", "photo.jpg" } };
        return await client.Http.SendAsync(request);
    }

    public sealed class Factory : DirectLineAppFactory
    {
        public Factory()
        {
            Settings["DirectLine:WebChatTokensPerMinute"] = "3";
            Settings["DirectLine:ActivitiesPerMinute"] = "2";
            Settings["DirectLine:UploadsPerMinute"] = "1";
            Settings["DirectLine:MaxStreamsPerConversation"] = "1";
            Settings["DirectLine:MaxConversationLifetime"] = "00:45:00";
        }
    }
}
