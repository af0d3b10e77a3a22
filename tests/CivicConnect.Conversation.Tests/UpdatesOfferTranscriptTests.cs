using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Testing;
using CivicConnect.Conversation.Tests.Infrastructure;
using CivicConnect.Core.Messages;

namespace CivicConnect.Conversation.Tests;

/// <summary>
/// "Notify me when it's fixed": after a web or app citizen's report the bot offers push
/// notifications and e-mail (as configured), takes the e-mail address, and still reads "thanks"
/// as a goodbye and a new problem as a new report.
/// </summary>
public sealed class UpdatesOfferTranscriptTests : IDisposable
{
    private readonly RecordingUpdateContacts contacts = new(pushOffered: true, emailOffered: true);
    private readonly EngineFixture city;

    public UpdatesOfferTranscriptTests() => city = new EngineFixture(contacts);

    [Fact]
    public async Task Report_FiledInWebChat_OffersPushAndEmailUpdates()
    {
        var t = await FiledReport();

        t.AssertReply("Your report is #1001").AssertReply("Want to hear when it's fixed?")
            .AssertChoices("Notify me when it's fixed", "E-mail me updates")
            .AssertAwaiting(Awaiting.AfterReport);
    }

    [Fact]
    public async Task Report_FiledBySms_OffersNothingMore()
    {
        var t = await FiledReport(ChannelIds.Sms);

        t.AssertNoReply("Want to hear when it's fixed?");
        Assert.Empty(t.Last!.Replies[^1].Choices);
    }

    [Fact]
    public async Task Report_FiledAnonymously_OffersNothingMore()
    {
        var t = new Transcript(city);
        await t.Send("pothole on 17 ave sw");
        await t.Send("yes");
        await t.Send("1");
        await t.Send("skip");
        (await t.Send("anonymous")).AssertReply("Send this report?");

        (await t.Send("send")).AssertReply("Your report is #1001").AssertReply("You chose no updates").AssertNoReply("Want to hear when it's fixed?");
    }

    [Fact]
    public async Task Report_WithNothingConfigured_OffersNothingMore()
    {
        using var plain = new EngineFixture(new RecordingUpdateContacts());
        var t = await FiledReport(fixture: plain);

        t.AssertNoReply("Want to hear when it's fixed?");
    }

    [Fact]
    public async Task NotifyMe_Picked_SaysToAllowNotificationsAndAThanksStillCloses()
    {
        var t = await FiledReport();

        (await t.Send("Notify me when it's fixed")).AssertReply("allow notifications").AssertReply("#1001").AssertAwaiting(Awaiting.AfterReport);
        (await t.Send("thanks")).AssertReply("We'll keep you posted on #1001");
        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task EmailMe_ThenAnAddress_KeepsItForThisConversation()
    {
        var t = await FiledReport();

        (await t.Send("E-mail me updates")).AssertReply("What e-mail address").AssertAwaiting(Awaiting.UpdatesEmail);
        (await t.Send("it's jo.tremblay@example.org")).AssertReply("We'll e-mail updates on #1001 to jo.tremblay@example.org");

        var (conversation, email) = Assert.Single(contacts.Emails);
        Assert.Equal("jo.tremblay@example.org", email);
        Assert.Equal(t.ConversationId, conversation);
        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task EmailMe_ThenSomethingThatIsNoAddress_AsksAgainAndStoresNothing()
    {
        var t = await FiledReport();
        await t.Send("E-mail me updates");

        (await t.Send("jo@nowhere")).AssertReply("doesn't look like an e-mail address").AssertAwaiting(Awaiting.UpdatesEmail);

        Assert.Empty(contacts.Emails);
        (await t.Send("jo@example.org")).AssertReply("to jo@example.org");
        Assert.Single(contacts.Emails);
    }

    [Fact]
    public async Task EmailMe_ThenANewProblem_StartsANewReport()
    {
        var t = await FiledReport();
        await t.Send("E-mail me updates");

        (await t.Send("streetlight out by city hall")).AssertReply("Got it: Streetlight.");

        Assert.Empty(contacts.Emails);
    }

    [Fact]
    public async Task Address_TypedRightAfterTheReference_IsTakenWithoutThePick()
    {
        var t = await FiledReport();

        (await t.Send("jo@example.org")).AssertReply("We'll e-mail updates on #1001 to jo@example.org");

        Assert.Single(contacts.Emails);
    }

    [Fact]
    public async Task Report_FiledInFrench_OffersInFrenchAndTakesTheAddress()
    {
        var t = new Transcript(city, locale: "fr");
        await t.Send("nid de poule sur 17 ave sw");
        await t.Send("oui");
        await t.Send("passer");
        await t.Send("passer");
        await t.Send("oui");
        (await t.Send("envoyer")).AssertReply("1001").AssertChoices("M'aviser quand c'est réparé", "M'écrire par courriel");

        await t.Send("M'écrire par courriel");
        (await t.Send("jo@example.org")).AssertReply("Nous enverrons les nouvelles du signalement n° 1001 à jo@example.org");
    }

    private async Task<Transcript> FiledReport(string channel = ChannelIds.DirectLine, EngineFixture? fixture = null)
    {
        var t = new Transcript(fixture ?? city, channel);
        await t.Send("pothole on 17 ave sw");
        await t.Send("yes");
        await t.Send("1");
        await t.Send("skip");
        await t.Send("yes");
        (await t.Send("send")).AssertReply("Your report is #1001");
        return t;
    }

    public void Dispose() => city.Dispose();
}
