using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Tests.Infrastructure;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Tests;

/// <summary>The first and last words of a conversation: the greeting's menu when the chat opens, and the goodbye after the reference.</summary>
public sealed class WelcomeAndClosingTranscriptTests : IDisposable
{
    private readonly EngineFixture city = new();

    [Fact]
    public async Task Join_InAFrenchPage_GreetsInFrenchWithThreeSuggestedActions()
    {
        var t = new Transcript(city);

        (await t.Join("fr-CA"))
            .AssertReply("Bonjour! Ici le 311 de Calgary.")
            .AssertChoices("Signaler un problème", "Mes signalements", "English")
            .AssertAwaiting(Awaiting.Description);
        Assert.Equal(3, t.Last!.Replies[^1].Choices.Count);
    }

    [Fact]
    public async Task Join_ThenReportAProblem_AsksWhatTheProblemIsWithoutStartingADraft()
    {
        var t = new Transcript(city);
        (await t.Join("en-US")).AssertChoices("Report a problem", "My reports", "Français");

        (await t.Send("Report a problem")).AssertReply("What's the problem?").AssertNoReply("Please pick the kind of problem");

        Assert.Null(t.State.Draft);
        (await t.Send("pothole on 17 ave sw")).AssertReply("Got it: Pothole.");
    }

    [Fact]
    public async Task Join_ThenMyReportsByNumber_ListsTheReports()
    {
        var t = new Transcript(city, ChannelIds.Sms);
        (await t.Send("hi")).AssertChoices("Report a problem", "My reports", "Français");

        (await t.Send("2")).AssertReply("You have no open reports.");

        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task Join_ThenTheOtherLanguage_SwitchesAndOffersTheMenuInIt()
    {
        var t = new Transcript(city);
        await t.Join("en");

        (await t.Send("Français"))
            .AssertReply("je continue en français")
            .AssertChoices("Signaler un problème", "Mes signalements", "English");

        Assert.Equal("fr", t.State.Locale);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("ok")]
    [InlineData("thanks")]
    [InlineData("Thank you!")]
    public async Task Acknowledgement_RightAfterTheReference_GetsAClosingNotANewDraft(string words)
    {
        var t = await FiledReport();

        (await t.Send(words))
            .AssertReply("We'll keep you posted on #1001")
            .AssertNoReply("Please pick the kind of problem")
            .AssertAwaiting(null);

        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task Merci_RightAfterTheReference_GetsAClosingInFrench()
    {
        var t = new Transcript(city, locale: "fr");
        await t.Send("nid de poule sur 17 ave sw");
        await t.Send("oui");
        await t.Send("passer");
        await t.Send("passer");
        await t.Send("oui");
        (await t.Send("envoyer")).AssertReply("1001");

        (await t.Send("merci")).AssertReply("Avec plaisir!").AssertReply("1001");

        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task NewProblem_RightAfterTheReference_StartsANewReport()
    {
        var t = await FiledReport();

        (await t.Send("streetlight out by city hall")).AssertReply("Got it: Streetlight.").AssertNoReply("keep you posted");

        Assert.Equal("streetlight", t.State.Draft!.CategoryCode);
    }

    [Fact]
    public async Task SecondThanks_AfterTheClosing_IsNotClosedAgainButReadAsUsual()
    {
        var t = await FiledReport();
        await t.Send("thanks");

        (await t.Send("thanks")).AssertNoReply("keep you posted");
    }

    private async Task<Transcript> FiledReport()
    {
        var t = new Transcript(city);
        await t.Send("pothole on 17 ave sw");
        await t.Send("yes");
        await t.Send("1");
        await t.Send("skip");
        await t.Send("yes");
        (await t.Send("send")).AssertReply("Your report is #1001").AssertAwaiting(Awaiting.AfterReport);
        return t;
    }

    public void Dispose() => city.Dispose();
}
