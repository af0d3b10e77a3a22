using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicConnect.Channels.DirectLine.Auth;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>
/// "Remember this device": a citizen key sent with a token request rejoins the citizen's open
/// conversation (the web page and the app both), only the key's hash is stored, and a key never
/// reaches another citizen's conversation.
/// </summary>
public sealed class CitizenKeyTests(CitizenKeyTests.Factory app) : IClassFixture<CitizenKeyTests.Factory>
{
    /// <summary>Every token here comes from 127.0.0.1: the per-address limit (10 a minute) is not what is tested.</summary>
    public sealed class Factory : DirectLineAppFactory
    {
        public Factory() => Settings["DirectLine:WebChatTokensPerMinute"] = "1000";
    }

    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task TokenWithKey_AfterTheTokenExpired_RejoinsTheSameConversationWithItsHistory_AndOnlyTheKeysHashIsStored()
    {
        var key = NewKey();
        var first = await TokenAsync(key);
        Assert.False(first.GetProperty("resumed").GetBoolean());
        var conversationId = first.GetProperty("conversationId").GetString()!;
        await StartAsync(first);
        await client.SendTextAsync(conversationId, Token(first), "hello from my phone");

        app.Clock.Advance(TimeSpan.FromMinutes(31)); // the first token has expired; the app or tab was closed
        var again = await TokenAsync(key);
        var someoneElse = await TokenAsync(NewKey());

        Assert.True(again.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversationId, again.GetProperty("conversationId").GetString());
        var history = (await client.GetActivitiesAsync(conversationId, Token(again))).GetProperty("activities").EnumerateArray().ToArray();
        Assert.Contains(history, a => a.TryGetProperty("text", out var t) && t.GetString() == "hello from my phone");
        Assert.All(history.Where(a => !DirectLineClient.IsFromBot(a)), a => Assert.Equal(CitizenKeys.UserIdFor(key), a.GetProperty("from").GetProperty("id").GetString()));

        Assert.False(someoneElse.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(conversationId, someoneElse.GetProperty("conversationId").GetString());
        using var intrusion = await client.GetActivitiesResponseAsync(conversationId, Token(someoneElse));
        Assert.Equal(HttpStatusCode.Forbidden, intrusion.StatusCode);

        await using var db = app.CreateDbContext();
        var stored = await db.DirectLineConversations.AsNoTracking().SingleAsync(c => c.Id == conversationId);
        Assert.Equal(CitizenKeys.UserIdFor(key), stored.UserId);
        Assert.DoesNotContain(key, stored.UserId!, StringComparison.Ordinal);
        var transcript = await db.DirectLineActivities.AsNoTracking().Where(a => a.ConversationId == conversationId).Select(a => a.Json).ToListAsync();
        Assert.DoesNotContain(transcript, json => json.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenWithKey_AfterTheConversationsLifetime_StartsANewOne()
    {
        var key = NewKey();
        var first = await TokenAsync(key);
        await StartAsync(first);

        app.Clock.Advance(TimeSpan.FromHours(24));
        var later = await TokenAsync(key);

        Assert.False(later.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(first.GetProperty("conversationId").GetString(), later.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Remember_MidConversation_BindsItToTheKey_WhichAnotherKeyCannotTakeOver()
    {
        using var plain = await client.Http.PostAsync("/api/webchat/token", content: null);
        var unbound = await plain.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = unbound.GetProperty("conversationId").GetString()!;
        await StartAsync(unbound);
        await client.SendTextAsync(conversationId, Token(unbound), "before I ticked the box");
        var key = NewKey();

        using var remember = await RememberAsync(Token(unbound), key);
        using var stolen = await RememberAsync(Token(unbound), NewKey());
        var rejoined = await TokenAsync(key);

        Assert.Equal(HttpStatusCode.OK, remember.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal("application/problem+json", stolen.Content.Headers.ContentType?.MediaType);
        Assert.True(rejoined.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversationId, rejoined.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task AClientNamingAKeysUserItself_DoesNotPlantAConversationForThatKey()
    {
        var victimsKey = NewKey();
        var (conversationId, token) = await client.StartAsync();
        var planted = new JsonObject
        {
            ["type"] = "message",
            ["text"] = "join me",
            ["from"] = new JsonObject { ["id"] = CitizenKeys.UserIdFor(victimsKey) },
        }.ToJsonString();
        using (var posted = await client.PostActivityAsync(conversationId, token, planted))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var victims = await TokenAsync(victimsKey);

        Assert.False(victims.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(conversationId, victims.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData("""{"citizenKey":"too-short"}""")]
    [InlineData("""{"citizenKey":"has spaces and is long enough to pass the length"}""")]
    [InlineData("""{"citizenKey":42}""")]
    [InlineData("not json")]
    public async Task TokenWithAMalformedKey_Is400Problem(string body)
    {
        using var response = await client.Http.PostAsync("/api/webchat/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>What the page does: 256 random bits, base64url.</summary>
    private static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Token(JsonElement answer) => answer.GetProperty("token").GetString()!;

    private async Task<JsonElement> TokenAsync(string key)
    {
        using var response = await client.Http.PostAsJsonAsync("/api/webchat/token", new { citizenKey = key });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What Web Chat does with a token: starts (or re-opens) its conversation.</summary>
    private async Task StartAsync(JsonElement answer)
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", Token(answer));
        using var response = await client.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Starting the conversation answered {(int)response.StatusCode}.");
    }

    private async Task<HttpResponseMessage> RememberAsync(string token, string key)
    {
        var request = DirectLineClient.Request(HttpMethod.Post, "/api/webchat/remember", token);
        request.Content = JsonContent.Create(new { citizenKey = key });
        return await client.Http.SendAsync(request);
    }
}
