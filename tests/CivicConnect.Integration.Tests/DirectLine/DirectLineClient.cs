using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicConnect.Channels.DirectLine;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>A minimal Direct Line 3.0 client over the test server, speaking the raw protocol.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Secret = DirectLineOptions.DevelopmentSecret;

    public HttpClient Http { get; } = http;

    public async Task<JsonElement> GenerateTokenAsync()
    {
        using var request = Request(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Starts a conversation with a generated token; returns (conversation id, token).</summary>
    public async Task<(string ConversationId, string Token)> StartAsync()
    {
        var generated = await GenerateTokenAsync();
        var token = generated.GetProperty("token").GetString()!;
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (generated.GetProperty("conversationId").GetString()!, token);
    }

    public async Task<HttpResponseMessage> PostActivityAsync(string conversationId, string token, string json)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token);
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    public async Task<string> SendTextAsync(string conversationId, string token, string text, object? channelData = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "citizen-1", ["name"] = "Citizen" },
            ["text"] = text,
            ["locale"] = "en-CA",
        };
        if (channelData is not null)
        {
            activity["channelData"] = JsonSerializer.SerializeToNode(channelData);
        }

        using var response = await PostActivityAsync(conversationId, token, activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await GetActivitiesResponseAsync(conversationId, token, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Polls (as a Direct Line client without WebSockets does) until the conversation's activities
    /// satisfy <paramref name="done"/>: bot replies come from the outbox dispatcher, a moment after the post.
    /// </summary>
    public async Task<JsonElement[]> WaitForActivitiesAsync(string conversationId, string token, Func<JsonElement[], bool> done, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var activities = (await GetActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToArray();
            if (done(activities))
            {
                return activities;
            }

            Assert.False(timeout.IsCancellationRequested, $"Gave up waiting; the conversation has:\n{string.Join("\n", activities.Select(a => a.ToString()))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the bot's reply to the user activity <paramref name="userActivityId"/>; returns the bot activities after it.</summary>
    public async Task<JsonElement[]> WaitForReplyAsync(string conversationId, string token, string userActivityId, TimeSpan? within = null)
    {
        var activities = await WaitForActivitiesAsync(conversationId, token, all =>
            all.SkipWhile(a => a.GetProperty("id").GetString() != userActivityId).Skip(1).Any(IsFromBot), within);
        return activities.SkipWhile(a => a.GetProperty("id").GetString() != userActivityId).Skip(1).Where(IsFromBot).ToArray();
    }

    public static bool IsFromBot(JsonElement activity) => activity.GetProperty("from").GetProperty("id").GetString() == "civicconnect";

    public async Task<HttpResponseMessage> GetActivitiesResponseAsync(string conversationId, string token, string? watermark = null)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        return await Http.SendAsync(request);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
