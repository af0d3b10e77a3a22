using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Engine;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Tests.Infrastructure;

/// <summary>
/// One citizen talking to the engine, turn by turn, with the state carried between turns as the
/// turn processor carries it: <c>(await t.Send("pothole on 17 ave sw")).AssertReply("Got it: Pothole");</c>.
/// </summary>
public sealed class Transcript(EngineFixture fixture, string channel = ChannelIds.DirectLine, string? locale = null)
{
    private int sequence;

    public Guid ConversationId { get; } = Guid.NewGuid();

    public ConversationState State { get; private set; } = new();

    public TurnResult? Last { get; private set; }

    /// <summary>All reply text of the last turn, joined (cards included), for assertions.</summary>
    public string LastText => Last is null
        ? string.Empty
        : string.Join("\n", Last.Replies.Select(r => r.Text + (r.Card is null ? string.Empty : "\n" + r.Card.Title + "\n" + string.Join("\n", r.Card.Lines))));

    public Task<Transcript> Send(string text) =>
        Send(new Activity(NextId(), channel, "citizen", text, [], null, locale, fixture.Clock.GetUtcNow()));

    /// <summary>The chat was opened (Web Chat's join event), in the page's language.</summary>
    public Task<Transcript> Join(string? pageLocale = null) =>
        Send(new Activity(NextId(), channel, "citizen", null, [], null, pageLocale ?? locale, fixture.Clock.GetUtcNow(), Kind: ActivityKind.ConversationStart));

    public Task<Transcript> SendLocation(double latitude, double longitude) =>
        Send(new Activity(NextId(), channel, "citizen", null, [], new GeoLocation(latitude, longitude), locale, fixture.Clock.GetUtcNow()));

    public async Task<Transcript> Send(Activity activity)
    {
        Last = await fixture.Engine.Engine.RunAsync(new TurnContext(ConversationId, activity, State), CancellationToken.None);
        State = Last.State;
        return this;
    }

    public Transcript AssertReply(string expected)
    {
        Assert.True(LastText.Contains(expected, StringComparison.OrdinalIgnoreCase), $"Expected a reply containing \"{expected}\" but the bot said:\n{LastText}");
        return this;
    }

    public Transcript AssertNoReply(string unexpected)
    {
        Assert.False(LastText.Contains(unexpected, StringComparison.OrdinalIgnoreCase), $"Did not expect \"{unexpected}\" but the bot said:\n{LastText}");
        return this;
    }

    public Transcript AssertChoices(params string[] titles)
    {
        var offered = (Last?.Replies.Count > 0 ? Last.Replies[^1] : null)?.Choices.Select(c => c.Title).ToList() ?? [];
        foreach (var title in titles)
        {
            Assert.True(offered.Any(o => o.Contains(title, StringComparison.OrdinalIgnoreCase)), $"Expected a choice \"{title}\"; offered: {string.Join(" | ", offered)}");
        }

        return this;
    }

    /// <summary>The question the engine now waits on (<see cref="Awaiting"/>), null when none.</summary>
    public Transcript AssertAwaiting(string? awaiting)
    {
        Assert.Equal(awaiting, State.Awaiting);
        return this;
    }

    private string NextId() => $"{ConversationId:N}-{++sequence}";
}
