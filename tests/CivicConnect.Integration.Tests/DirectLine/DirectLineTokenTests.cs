using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineTokenTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task GenerateToken_WithSecret_ReturnsTokenForANewConversation()
    {
        var first = await client.GenerateTokenAsync();
        var second = await client.GenerateTokenAsync();

        Assert.Equal(1800, first.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("token").GetString()));
        Assert.NotEqual(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task GenerateToken_WithWrongSecret_Is401Problem()
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret");
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GenerateToken_WithoutAuthorization_Is401Problem()
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", bearer: null);
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_Is403()
    {
        var (_, token) = await client.StartAsync();

        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", token);
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForAnotherConversation_Is403Problem()
    {
        var (mine, _) = await client.StartAsync();
        var (_, othersToken) = await client.StartAsync();

        using var response = await client.GetActivitiesResponseAsync(mine, othersToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_WithATamperedSignature_Is401()
    {
        var (conversationId, token) = await client.StartAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        using var response = await client.GetActivitiesResponseAsync(conversationId, tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_AfterItExpires_Is403AndRefreshNoLongerWorks()
    {
        var (conversationId, token) = await client.StartAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var read = await client.GetActivitiesResponseAsync(conversationId, token);
        using var refreshRequest = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        using var refresh = await client.Http.SendAsync(refreshRequest);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RefreshToken_BeforeExpiry_KeepsTheConversationAliveAfterTheOldTokenExpires()
    {
        var (conversationId, token) = await client.StartAsync();
        await client.SendTextAsync(conversationId, token, "before refresh");

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using var refreshRequest = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        using var refresh = await client.Http.SendAsync(refreshRequest);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
        using var withOld = await client.GetActivitiesResponseAsync(conversationId, token);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        var activities = await client.GetActivitiesAsync(conversationId, refreshed.GetProperty("token").GetString()!);
        Assert.Contains(activities.GetProperty("activities").EnumerateArray(), a => a.GetProperty("text").GetString() == "before refresh");
    }

    [Fact]
    public async Task RefreshToken_WithTheSecret_Is403()
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", DirectLineClient.Secret);
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WebChatToken_WithoutAnySecret_ReturnsAWorkingToken()
    {
        using var response = await client.Http.PostAsync("/api/webchat/token", content: null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        using var start = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var started = await client.Http.SendAsync(start);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(body.GetProperty("conversationId").GetString(), conversation.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://", conversation.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_WithTheSecret_Returns201AndATokenForIt()
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", DirectLineClient.Secret);
        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = body.GetProperty("conversationId").GetString()!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream?t=", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var activities = await client.GetActivitiesAsync(conversationId, body.GetProperty("token").GetString()!);
        Assert.Equal(0, activities.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsAStreamUrlThatResumesThere()
    {
        var (conversationId, token) = await client.StartAsync();

        using var request = DirectLineClient.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=7", token);
        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("&watermark=7", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(token, body.GetProperty("token").GetString());
    }
}
