using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivicConnect.Screenshots;

/// <summary>A citizen in the web chat (over Direct Line, as the city's app does) who asks for a person.</summary>
internal static class DemoHandOff
{
    public static async Task AskForAPersonAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync("api/webchat/token", null);
        tokenResponse.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var bearer = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("token").GetString());

        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Headers = { Authorization = bearer } };
        using var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        using var conversation = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        var id = conversation.RootElement.GetProperty("conversationId").GetString();
        const string user = "dl_demo-citizen";

        foreach (var text in new[] { "The water fountain in Prince's Island Park has been running nonstop for days", "agent" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{id}/activities")
            {
                Headers = { Authorization = bearer },
                Content = JsonContent.Create(new { type = "message", from = new { id = user }, text, locale = "en-CA" }),
            };
            using var posted = await http.SendAsync(post);
            posted.EnsureSuccessStatusCode();
        }

        // The hand-off exists once the bot has answered "agent"; a first turn may wait for the
        // classifier to be built, so give it time before the camera opens the inbox.
        for (var waited = 0; waited < 180; waited += 2)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{id}/activities") { Headers = { Authorization = bearer } };
            using var answer = await http.SendAsync(read);
            answer.EnsureSuccessStatusCode();
            using var activities = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            var botReplies = activities.RootElement.GetProperty("activities").EnumerateArray()
                .Count(a => a.TryGetProperty("from", out var from) && from.GetProperty("id").GetString() != user);
            if (botReplies >= 2)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        throw new InvalidOperationException("The demo citizen's request for a person was not answered within 3 minutes.");
    }
}
