using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Conversation.Activities;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineActivityTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task PostActivity_Message_IsEchoedWithServerIdAndChannelDataThenAnswered()
    {
        var (conversationId, token) = await client.StartAsync();

        var id = await client.SendTextAsync(conversationId, token, "pothole on 17 ave sw", new { clientActivityID = "wc-123" });
        var result = await client.GetActivitiesAsync(conversationId, token);
        var activities = result.GetProperty("activities").EnumerateArray().ToArray();

        Assert.Equal(2, activities.Length);
        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("wc-123", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("citizen-1", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(conversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("2026-11-25T17:00:00.0000000Z", echo.GetProperty("timestamp").GetString());
        var reply = activities[1];
        Assert.Equal("You said: pothole on 17 ave sw", reply.GetProperty("text").GetString());
        Assert.Equal("civicconnect", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Calgary", reply.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("en-CA", reply.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task PostActivity_Message_ReachesTheInboxAsAChannelNeutralActivity()
    {
        var (conversationId, token) = await client.StartAsync();

        var id = await client.SendTextAsync(conversationId, token, "streetlight out");

        var activity = Assert.Single(app.Inbound.Received, a => a.Id == id);
        Assert.Equal(CivicConnect.Conversation.Activities.Channels.DirectLine, activity.Channel);
        Assert.Equal(conversationId, activity.Address);
        Assert.Equal("streetlight out", activity.Text);
        Assert.Equal("en-CA", activity.Locale);
        Assert.Equal("Citizen", activity.SenderName);
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_IsStoredOnce()
    {
        var (conversationId, token) = await client.StartAsync();

        var first = await client.SendTextAsync(conversationId, token, "graffiti", new { clientActivityID = "retry-1" });
        var second = await client.SendTextAsync(conversationId, token, "graffiti", new { clientActivityID = "retry-1" });
        var result = await client.GetActivitiesAsync(conversationId, token);

        Assert.Equal(first, second);
        Assert.Single(result.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == first);
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyWhatCameAfterIt()
    {
        var (conversationId, token) = await client.StartAsync();
        await client.SendTextAsync(conversationId, token, "first");
        var firstPage = await client.GetActivitiesAsync(conversationId, token);
        var watermark = firstPage.GetProperty("watermark").GetString();

        await client.SendTextAsync(conversationId, token, "second");
        var secondPage = await client.GetActivitiesAsync(conversationId, token, watermark);
        var unchanged = await client.GetActivitiesAsync(conversationId, token, secondPage.GetProperty("watermark").GetString());

        Assert.Equal(["first", "You said: first"], Texts(firstPage));
        Assert.Equal(["second", "You said: second"], Texts(secondPage));
        Assert.Empty(Texts(unchanged));
        Assert.Equal(secondPage.GetProperty("watermark").GetString(), unchanged.GetProperty("watermark").GetString());
    }

    [Theory]
    [InlineData("""[{"type":"GeoCoordinates","latitude":51.0447,"longitude":-114.0719}]""", null, LocationSource.DeviceGps)]
    [InlineData("""[{"type":"Place","name":"City Hall","geo":{"type":"GeoCoordinates","latitude":51.0447,"longitude":-114.0719}}]""", null, LocationSource.Pin)]
    [InlineData(null, """{"location":{"latitude":51.0447,"longitude":-114.0719}}""", LocationSource.DeviceGps)]
    public async Task PostActivity_WithLocation_PassesItToTheInbox(string? entities, string? channelData, LocationSource source)
    {
        var (conversationId, token) = await client.StartAsync();
        var json = $$"""{"type":"message","from":{"id":"u1"},"text":"here"{{(entities is null ? "" : ",\"entities\":" + entities)}}{{(channelData is null ? "" : ",\"channelData\":" + channelData)}}}""";

        using var response = await client.PostActivityAsync(conversationId, token, json);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = Assert.Single(app.Inbound.Received, a => a.Id == id).Location;
        Assert.NotNull(location);
        Assert.Equal(51.0447, location.Latitude, 6);
        Assert.Equal(-114.0719, location.Longitude, 6);
        Assert.Equal(source, location.Source);
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
        Assert.Empty(Texts(await client.GetActivitiesAsync(conversationId, token)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"message","text":42}""")]
    public async Task PostActivity_Malformed_Is400ProblemAndNothingIsStored(string json)
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Texts(await client.GetActivitiesAsync(conversationId, token)));
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
        Assert.Empty(Texts(await client.GetActivitiesAsync(conversationId, token)));
        Assert.DoesNotContain(app.Inbound.Received, a => a.Address == conversationId);
    }

    [Fact]
    public async Task PostActivity_BodyLargerThan256KB_Is413AndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var json = JsonSerializer.Serialize(new { type = "message", text = "hi", channelData = new { padding = new string('x', 300 * 1024) } });

        using var response = await client.PostActivityAsync(conversationId, token, json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Texts(await client.GetActivitiesAsync(conversationId, token)));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("conversationUpdate")]
    public async Task PostActivity_NonMessage_IsAcceptedButNeverReachesTheEngine(string type)
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await client.PostActivityAsync(conversationId, token, $$"""{"type":"{{type}}","from":{"id":"u1"},"name":"webchat/join"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Inbound.Received, a => a.Address == conversationId);
        Assert.Empty(Texts(await client.GetActivitiesAsync(conversationId, token)));
    }

    private static string[] Texts(JsonElement activitySet) =>
        activitySet.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
}
