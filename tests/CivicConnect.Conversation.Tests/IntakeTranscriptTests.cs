using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Tests.Infrastructure;

namespace CivicConnect.Conversation.Tests;

public sealed class IntakeTranscriptTests : IDisposable
{
    private readonly EngineFixture city = new();

    [Fact]
    public async Task Report_FromGreetingToSend_AsksEachStepInTurnAndGivesTheReference()
    {
        var t = new Transcript(city);

        (await t.Send("hi")).AssertReply("Tell me what problem you'd like to report").AssertAwaiting(Awaiting.Description);
        (await t.Send("pothole on 17 ave sw"))
            .AssertReply("Got it: Pothole.")
            .AssertReply("Is the problem near 17 Ave SW & 4 St SW, Ward 8?")
            .AssertChoices("Yes", "No");
        (await t.Send("yes")).AssertReply("Is it in a traffic lane?").AssertChoices("Yes, in a traffic lane", "No (shoulder", "Skip");
        (await t.Send("1")).AssertReply("About how big is it?").AssertChoices("Bigger than a tire", "Skip");
        (await t.Send("Bigger than a tire")).AssertReply("Would you like updates about this report here?");
        (await t.Send("yes"))
            .AssertReply("Send this report?")
            .AssertReply("Problem: pothole on 17 ave sw")
            .AssertReply("Location: 17 Ave SW & 4 St SW (Ward 8)")
            .AssertReply("Details: Yes, in a traffic lane; Bigger than a tire")
            .AssertChoices("Send it", "Change something", "Discard");
        (await t.Send("send")).AssertReply("Your report is #1001 and has gone to Roads.").AssertAwaiting(Awaiting.AfterReport);

        Assert.Equal([1001], t.State.References);
        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task UnclearReport_OffersEveryCategoryAndTakesThePick()
    {
        var t = new Transcript(city);

        (await t.Send("something is broken on my street"))
            .AssertReply("Please pick the kind of problem")
            .AssertChoices("Pothole", "Streetlight", "Graffiti")
            .AssertAwaiting(Awaiting.Category);
        (await t.Send("2")).AssertReply("Got it: Streetlight.").AssertReply("Where is it?").AssertAwaiting(Awaiting.Location);
        (await t.Send("by city hall")).AssertReply("Is the problem near Calgary City Hall, Ward 7?").AssertAwaiting(Awaiting.LocationConfirm);
    }

    [Fact]
    public async Task SharedPin_IsOfferedForConfirmationNotAssumed()
    {
        var t = new Transcript(city);

        (await t.Send("pothole")).AssertReply("Where is it?");
        (await t.SendLocation(EngineFixture.CityHall.Latitude, EngineFixture.CityHall.Longitude))
            .AssertReply("Calgary City Hall")
            .AssertAwaiting(Awaiting.LocationConfirm);
        Assert.Null(t.State.Draft!.Place);
    }

    [Fact]
    public async Task Discard_FromTheSummary_AsksFirstThenDropsTheDraft()
    {
        var t = new Transcript(city);
        await t.Send("pothole on 17 ave sw");
        await t.Send("yes");
        await t.Send("1");
        await t.Send("skip");
        (await t.Send("no")).AssertReply("Send this report?");

        (await t.Send("discard")).AssertReply("Discard this report?").AssertAwaiting(Awaiting.AbandonConfirm);
        (await t.Send("yes")).AssertReply("I've discarded it").AssertAwaiting(null);

        Assert.Null(t.State.Draft);
        Assert.Empty(t.State.References);
    }

    public void Dispose() => city.Dispose();
}
