using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>Posting and polling against the real inbox, dialog engine and outbox.</summary>
public sealed class DirectLineActivityTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task PostActivity_Message_IsEchoedWithServerIdAndChannelDataThenAnswered()
    {
        var (conversationId, token) = await client.StartAsync();

        var id = await client.SendTextAsync(conversationId, token, "hi", new { clientActivityID = "wc-123" });
        var reply = await client.WaitForReplyAsync(conversationId, token, id);
        var echo = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities")[0];

        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("hi", echo.GetProperty("text").GetString());
        Assert.Equal("wc-123", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("citizen-1", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(conversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("2026-11-25T17:00:00.0000000Z", echo.GetProperty("timestamp").GetString());
        var welcome = reply[0];
        Assert.Contains("what problem you'd like to report", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Calgary", welcome.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(conversationId, welcome.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostActivity_Message_IsCommittedToTheInboxUnderItsServerId()
    {
        var (conversationId, token) = await client.StartAsync();

        var id = await client.SendTextAsync(conversationId, token, "streetlight out");

        await using var db = app.CreateDbContext();
        var row = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == id);
        Assert.Equal("directline", row.Channel);
        Assert.Equal(conversationId, row.Address);
        using var payload = JsonDocument.Parse(row.Payload);
        Assert.Equal("streetlight out", payload.RootElement.GetProperty("text").GetString());
        Assert.Equal("en-CA", payload.RootElement.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task PostActivity_ChoiceFromTheBot_IsOfferedAsSuggestedActionsAndAnswersTheDialog()
    {
        var (conversationId, token) = await client.StartAsync();

        var first = await client.SendTextAsync(conversationId, token, "There is a pothole on 17 Ave SW at 4 St SW");
        var question = (await client.WaitForReplyAsync(conversationId, token, first))[^1];
        var actions = question.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToArray();
        var yes = actions.First(a => a.GetProperty("title").GetString() == "Yes");
        var second = await client.SendTextAsync(conversationId, token, yes.GetProperty("value").GetString()!);
        var next = await client.WaitForReplyAsync(conversationId, token, second);

        Assert.Contains("17 Ave SW & 4 St SW, Ward 8", question.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["citizen-1"], question.GetProperty("suggestedActions").GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.Contains(next, a => a.GetProperty("text").GetString()!.Contains("Is it in a traffic lane?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_IsStoredAndAnsweredOnce()
    {
        var (conversationId, token) = await client.StartAsync();

        var first = await client.SendTextAsync(conversationId, token, "hi", new { clientActivityID = "retry-1" });
        await client.WaitForReplyAsync(conversationId, token, first);
        var second = await client.SendTextAsync(conversationId, token, "hi", new { clientActivityID = "retry-1" });
        var activities = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToArray();

        Assert.Equal(first, second);
        Assert.Single(activities, a => a.GetProperty("id").GetString() == first);
        Assert.Single(activities, DirectLineClient.IsFromBot);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Address == conversationId));
    }

    [Fact]
    public async Task PostActivity_LongestConversationAndClientIds_IsAcceptedOnce_NotA500()
    {
        // A secret holder (the city's app backend) may name its own conversation, up to 64 characters;
        // with a 64-character client id the two no longer fit the transcript's 128-character id.
        var conversationId = new string('c', 64);
        var clientId = new string('r', 64);

        var first = await client.SendTextAsync(conversationId, DirectLineClient.Secret, "hi", new { clientActivityID = clientId });
        var second = await client.SendTextAsync(conversationId, DirectLineClient.Secret, "hi", new { clientActivityID = clientId });

        Assert.Equal(first, second);
        Assert.True(first.Length <= 128, first);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Address == conversationId));
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyWhatCameAfterIt()
    {
        var (conversationId, token) = await client.StartAsync();
        var hi = await client.SendTextAsync(conversationId, token, "hi");
        await client.WaitForReplyAsync(conversationId, token, hi);
        var watermark = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("watermark").GetString();

        var report = await client.SendTextAsync(conversationId, token, "pothole on 17 Ave SW at 4 St SW");
        await client.WaitForReplyAsync(conversationId, token, report);
        var newer = await client.GetActivitiesAsync(conversationId, token, watermark);
        var unchanged = await client.GetActivitiesAsync(conversationId, token, newer.GetProperty("watermark").GetString());

        var activities = newer.GetProperty("activities").EnumerateArray().ToArray();
        Assert.Equal(report, activities[0].GetProperty("id").GetString());
        Assert.True(activities.Skip(1).All(DirectLineClient.IsFromBot));
        Assert.DoesNotContain(activities, a => a.GetProperty("id").GetString() == hi);
        Assert.Equal(0, unchanged.GetProperty("activities").GetArrayLength());
        Assert.Equal(newer.GetProperty("watermark").GetString(), unchanged.GetProperty("watermark").GetString());
    }

    [Theory]
    [InlineData("""{"type":"message","from":{"id":"u1"},"entities":[{"type":"GeoCoordinates","latitude":51.0453,"longitude":-114.0581}]}""")]
    [InlineData("""{"type":"message","from":{"id":"u1"},"entities":[{"type":"Place","name":"Pin","geo":{"type":"GeoCoordinates","latitude":51.0453,"longitude":-114.0581}}]}""")]
    [InlineData("""{"type":"message","from":{"id":"u1"},"channelData":{"location":{"latitude":51.0453,"longitude":-114.0581}}}""")]
    public async Task PostActivity_SharedLocation_IsUsedAsTheProblemsLocation(string locationActivity)
    {
        var (conversationId, token) = await client.StartAsync();
        var description = await client.SendTextAsync(conversationId, token, "streetlight out");
        await client.WaitForReplyAsync(conversationId, token, description);

        using var response = await client.PostActivityAsync(conversationId, token, locationActivity);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await client.WaitForReplyAsync(conversationId, token, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reply, a => a.GetProperty("text").GetString()!.Contains("at the location you shared, near Calgary City Hall (Ward 7)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"x","entities":[{"type":"GeoCoordinates","latitude":95,"longitude":-114}]}""")]
    [InlineData("""{"type":"message","text":"x","channelData":{"location":{"latitude":"51","longitude":-114}}}""")]
    [InlineData("""{"type":"message","text":"x","entities":[{"type":"Place","name":"nowhere"}]}""")]
    public async Task PostActivity_WithAnUnusableLocation_Is400AndNothingIsStored(string json)
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("location", out _));
        await AssertNothingStoredAsync(conversationId, token);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"message","text":42}""")]
    [InlineData("""{"type":"message","text":"hi","locale":"not a locale!"}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"note":"a\u0000b"}}""")]
    [InlineData("""{"type":"message","text":"hi","value":{"k\u0000":1}}""")]
    public async Task PostActivity_Malformed_Is400ProblemAndNothingIsStored(string json)
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(conversationId, token);
    }

    [Fact]
    public async Task PostActivity_TextLongerThan5000Characters_Is400AndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var json = JsonSerializer.Serialize(new { type = "message", text = new string('a', 5_001) });

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        await AssertNothingStoredAsync(conversationId, token);
    }

    [Fact]
    public async Task PostActivity_BodyLargerThan256KB_Is413AndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var json = JsonSerializer.Serialize(new { type = "message", text = "hi", channelData = new { padding = new string('x', 300 * 1024) } });

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(conversationId, token);
    }

    [Theory]
    [InlineData("typing", "")]
    [InlineData("event", "webchat/something-else")]
    [InlineData("conversationUpdate", "webchat/join")]
    public async Task PostActivity_NonMessage_IsAcceptedButNeverReachesTheEngine(string type, string name)
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await client.PostActivityAsync(conversationId, token, $$"""{"type":"{{type}}","from":{"id":"u1"},"name":"{{name}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync(conversationId, token);
    }

    [Fact]
    public async Task PostActivity_JoinEvent_NewConversationIsGreetedOnce()
    {
        var (conversationId, token) = await client.StartAsync();
        const string Join = """{"type":"event","name":"webchat/join","from":{"id":"u1"},"locale":"fr-CA"}""";

        using (var first = await client.PostActivityAsync(conversationId, token, Join))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var greeted = await client.WaitForActivitiesAsync(conversationId, token, all => all.Any(IsBotMessage));
        var greeting = greeted.Single(IsBotMessage);
        Assert.Contains("Ici le 311", greeting.GetProperty("text").GetString(), StringComparison.Ordinal);
        var actions = greeting.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(["Signaler un problème", "Mes signalements", "English"], actions);

        // Joining again (a page reload) says nothing: the next bot message answers the citizen's text.
        using (var again = await client.PostActivityAsync(conversationId, token, Join))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var id = await client.SendTextAsync(conversationId, token, "il y a un nid-de-poule");
        await client.WaitForReplyAsync(conversationId, token, id);
        var all = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        Assert.Single(all, a => IsBotMessage(a) && a.GetProperty("text").GetString()!.Contains("Ici le 311", StringComparison.Ordinal));
    }

    private static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    private async Task AssertNothingStoredAsync(string conversationId, string token)
    {
        Assert.Equal(0, (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities").GetArrayLength());
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == conversationId));
    }
}
