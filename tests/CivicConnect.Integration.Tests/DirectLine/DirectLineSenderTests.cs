using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineSenderTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly DirectLineClient client = new(app.CreateClient());

    private IChannelSender Sender => app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "directline");

    [Fact]
    public async Task Send_ReplyWithChoices_ShowsThemAsSuggestedActionsForTheUser()
    {
        var (conversationId, token) = await client.StartAsync();
        await client.SendTextAsync(conversationId, token, "hi");
        var reply = new Reply("What is it about?", [new Choice("pothole", "Pothole"), new Choice("graffiti", "Graffiti")]);

        var outcome = await Sender.SendAsync(new OutboundMessage(900_501, "reply", "directline", conversationId, null, "fr", reply), CancellationToken.None);

        Assert.True(outcome.Sent);
        var activity = ById(await client.GetActivitiesAsync(conversationId, token), "bot-900501");
        Assert.Equal("fr", activity.GetProperty("locale").GetString());
        var suggested = activity.GetProperty("suggestedActions");
        Assert.Equal(["citizen-1"], suggested.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        var actions = suggested.GetProperty("actions").EnumerateArray().ToArray();
        Assert.Equal(["imBack", "imBack"], actions.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(["Pothole", "Graffiti"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(["Pothole", "Graffiti"], actions.Select(a => a.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Send_ReplyWithCard_RendersAHeroCard()
    {
        var (conversationId, token) = await client.StartAsync();
        var reply = new Reply("Please confirm.", [], new ReplyCard("Pothole", ["17 Ave SW", "Deep, near the curb"], "https://example.org/p.jpg"));

        await Sender.SendAsync(new OutboundMessage(900_502, "reply", "directline", conversationId, null, "en", reply), CancellationToken.None);

        var attachment = ById(await client.GetActivitiesAsync(conversationId, token), "bot-900502").GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.hero", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("Pothole", card.GetProperty("title").GetString());
        Assert.Contains("17 Ave SW", card.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Deep, near the curb", card.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://example.org/p.jpg", card.GetProperty("images")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Send_SameOutboxRowTwice_IsShownOnce()
    {
        var (conversationId, token) = await client.StartAsync();
        var message = new OutboundMessage(900_503, "reply", "directline", conversationId, null, "en", Reply.Plain("Thanks!"));

        var first = await Sender.SendAsync(message, CancellationToken.None);
        var second = await Sender.SendAsync(message, CancellationToken.None);

        Assert.True(first.Sent);
        Assert.True(second.Sent);
        var activities = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities");
        Assert.Single(activities.EnumerateArray(), a => a.GetProperty("id").GetString() == "bot-900503");
    }

    [Fact]
    public async Task Send_ToAConversationThatDoesNotExist_FailsPermanently()
    {
        var outcome = await Sender.SendAsync(new OutboundMessage(900_504, "reply", "directline", "no-such-conversation", null, "en", Reply.Plain("?")), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.True(outcome.Permanent);
    }

    private static JsonElement ById(JsonElement activitySet, string id) =>
        activitySet.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
}
