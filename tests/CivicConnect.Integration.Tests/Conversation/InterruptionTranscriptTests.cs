using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Conversation;

public sealed class InterruptionTranscriptTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task Help_AtTheLocationStep_ExplainsThenAsksAgain()
    {
        var t = new Transcript(app);
        await t.Send("streetlight out");

        (await t.Send("help")).AssertReply("start over").AssertReply("discard").AssertReply("Where is it?").AssertNoReply("STOP");
    }

    [Fact]
    public async Task Help_OnSms_MentionsStopAndTheNonCarrierWordsForAbandoning()
    {
        var t = new Transcript(app, channel: "sms");

        (await t.Send("HELP")).AssertReply("Reply STOP to unsubscribe").AssertReply("\"start over\" or \"discard\"");
    }

    [Fact]
    public async Task Discard_AtTheFollowUpStep_ConfirmsThenForgetsTheDraft()
    {
        var t = new Transcript(app);
        await t.Send("my blue cart");
        await t.Send("City Hall");
        (await t.Send("yes")).AssertReply("What happened?").AssertNoReply("Which cart?");

        (await t.Send("discard")).AssertReply("Discard this report?").AssertChoices("Yes", "No");
        (await t.Send("yes")).AssertReply("I've discarded it");
        (await t.Send("graffiti")).AssertReply("Got it: Graffiti");
    }

    [Fact]
    public async Task Discard_ThenNo_KeepsTheDraftAndReasksTheQuestion()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        await t.Send("never mind");
        (await t.Send("no")).AssertReply("let's continue").AssertReply("Where is it?");
    }

    [Fact]
    public async Task StartOver_AtTheConfirmStep_BeginsANewReport()
    {
        var t = new Transcript(app);
        await t.Send("graffiti on the bus shelter, it's racist");
        await t.Send("Calgary Tower");
        await t.Send("yes");
        (await t.Send("no")).AssertReply("Send this report?");

        (await t.Send("start over")).AssertReply("let's start over").AssertReply("What's the problem?");
        (await t.Send("streetlight out")).AssertReply("Got it: Streetlight");
    }

    [Fact]
    public async Task LanguageSwitch_MidReport_ContinuesInFrenchWithTheSameDraft()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        (await t.Send("français")).AssertReply("je continue en français").AssertReply("Où est-ce?");
        (await t.Send("english")).AssertReply("continue in English").AssertReply("Where is it?");
    }

    [Fact]
    public async Task Status_WithAReference_AnswersAndReturnsToTheQuestion()
    {
        var first = new Transcript(app);
        await first.Send("graffiti on a sign at the Saddledome, offensive");
        (await first.Send("yes")).AssertReply("updates about this report");
        await first.Send("no");
        await first.Send("send");
        var reference = first.ReferenceNumber();

        var t = new Transcript(app);
        await t.Send("pothole");
        (await t.Send($"status {reference}")).AssertReply($"#{reference} Graffiti: received").AssertReply("Where is it?");
        (await t.Send("status 999999")).AssertReply("couldn't find report #999999");
    }

    [Fact]
    public async Task Status_WithoutAReference_ListsMyOpenReports()
    {
        var t = new Transcript(app);
        (await t.Send("status")).AssertReply("no open reports");

        await t.Send("dead animal on the road by Nose Hill Park");
        await t.Send("yes");
        await t.Send("yes");
        await t.Send("send");
        var reference = t.ReferenceNumber();

        (await t.Send("status")).AssertReply("Your reports:").AssertReply($"#{reference} Animal");
    }

    [Fact]
    public async Task Agent_RecordsAHandOffOnTheConversation()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        (await t.Send("agent")).AssertReply("someone from 311 will contact you").AssertReply("Where is it?");

        await using var db = app.CreateDbContext();
        Assert.True(await db.Conversations.Where(c => c.Address == t.Address).Select(c => c.HandOffRequested).SingleAsync());
    }

    [Fact]
    public async Task ThreeFailedAnswers_RepromptClearlyThenOfferAPerson()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        (await t.Send("zzzz")).AssertReply("Sorry, I didn't get that").AssertReply("Try a nearby intersection");
        (await t.Send("qqqq")).AssertReply("Sorry, I didn't get that");
        (await t.Send("xxxx")).AssertReply("Would you like someone from 311 to contact you?").AssertChoices("Yes, contact me", "No");
        (await t.Send("Yes, contact me")).AssertReply("someone from 311 will contact you");

        await using var db = app.CreateDbContext();
        Assert.True(await db.Conversations.Where(c => c.Address == t.Address).Select(c => c.HandOffRequested).SingleAsync());
    }

    [Fact]
    public async Task ThreeFailedAnswers_OnAnOptionalQuestion_OfferSkipping()
    {
        var t = new Transcript(app);
        await t.Send("streetlight flickering at City Hall");
        (await t.Send("yes")).AssertReply("number on the pole");

        // A free-text attribute accepts anything, so fail a list question instead: pothole size.
        var p = new Transcript(app);
        await p.Send("pothole at Calgary Tower in the lane");
        (await p.Send("yes")).AssertReply("About how big is it?");
        await p.Send("purple");
        await p.Send("purple");
        (await p.Send("purple")).AssertChoices("Skip");
        (await p.Send("skip")).AssertReply("updates about this report");
    }

    [Fact]
    public async Task Cancel_OnSms_IsACarrierOptOutNotADiscard()
    {
        var t = new Transcript(app, channel: "sms");
        await t.Send("pothole");

        (await t.Send("CANCEL")).AssertNoReply("Discard this report?");
        Assert.Empty(t.Replies);

        await using var db = app.CreateDbContext();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == t.Address);
        Assert.True(conversation.OptedOut);
        Assert.Contains("pothole", conversation.State, StringComparison.Ordinal);

        (await t.Send("START")).AssertNoReply("Sorry");
        Assert.False(await db.Conversations.Where(c => c.Address == t.Address).Select(c => c.OptedOut).SingleAsync());
    }

    [Fact]
    public async Task Cancel_InWebChat_IsADiscard()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        (await t.Send("cancel")).AssertReply("Discard this report?");
    }

    [Fact]
    public async Task IdleDraft_After24Hours_IsDiscardedWithAMessage()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        app.Clock.Advance(TimeSpan.FromHours(25));
        (await t.Send("streetlight out")).AssertReply("was discarded after 24 hours").AssertReply("Got it: Streetlight");
    }

    [Fact]
    public async Task ReturningNextDay_IsAskedWhetherToContinue()
    {
        var t = new Transcript(app);
        await t.Send("pothole");

        app.Clock.Advance(TimeSpan.FromHours(5));
        (await t.Send("hello?")).AssertReply("Welcome back! You started a report earlier: \"pothole\"").AssertChoices("Continue", "Start over");
        (await t.Send("continue")).AssertReply("Where is it?");
    }
}
