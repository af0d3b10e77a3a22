using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Tests.Infrastructure;

namespace CivicConnect.Conversation.Tests;

public sealed class RepromptTranscriptTests : IDisposable
{
    private const string Nowhere = "somewhere over the rainbow";
    private readonly EngineFixture city = new();

    [Fact]
    public async Task UnknownPlace_IsAskedAgainMoreClearly_AndAGoodAnswerMovesOn()
    {
        var t = new Transcript(city);
        (await t.Send("pothole")).AssertReply("Where is it?").AssertAwaiting(Awaiting.Location);

        (await t.Send(Nowhere))
            .AssertReply("Sorry, I didn't get that.")
            .AssertReply("I couldn't find that place. Try a nearby intersection")
            .AssertAwaiting(Awaiting.Location);
        Assert.Equal(1, t.State.Attempts);

        (await t.Send("17 ave sw")).AssertReply("Is the problem near 17 Ave SW & 4 St SW, Ward 8?").AssertNoReply("Sorry");
        Assert.Equal(0, t.State.Attempts);
    }

    [Fact]
    public async Task ThreeFailedAnswers_OfferAPerson_AndAcceptingHandsOffWithTheDraftKept()
    {
        var t = new Transcript(city);
        await t.Send("pothole");

        (await t.Send(Nowhere)).AssertReply("Sorry, I didn't get that.");
        (await t.Send(Nowhere)).AssertReply("Sorry, I didn't get that.").AssertNoReply("someone from 311");
        (await t.Send(Nowhere))
            .AssertReply("I'm having trouble understanding. Would you like someone from 311 to contact you?")
            .AssertChoices("Yes, contact me", "No")
            .AssertAwaiting(Awaiting.HandOff);
        Assert.False(t.Last!.HandOffRequested);

        (await t.Send("1")).AssertReply("someone from 311 will contact you here");

        Assert.True(t.Last!.HandOffRequested);
        Assert.True(t.State.Draft!.HandOffRequested);
        Assert.Equal("pothole", t.State.Draft.CategoryCode);
        Assert.Equal(Awaiting.Location, t.State.Awaiting);
    }

    [Fact]
    public async Task DecliningThePerson_GoesBackToTheQuestionWithFreshAttempts()
    {
        var t = new Transcript(city);
        await t.Send("pothole");
        for (var i = 0; i < 3; i++)
        {
            await t.Send(Nowhere);
        }

        (await t.Send("no")).AssertReply("OK, let's keep going.").AssertReply("Where is it?").AssertAwaiting(Awaiting.Location);

        Assert.False(t.Last!.HandOffRequested);
        Assert.Equal(0, t.State.Attempts);
    }

    public void Dispose() => city.Dispose();
}
