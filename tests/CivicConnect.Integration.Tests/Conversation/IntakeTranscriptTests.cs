using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Conversation;

public sealed class IntakeTranscriptTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task HappyPath_English_CreatesTheIssueInTheRightWardAndGivesTheReference()
    {
        var t = new Transcript(app);

        (await t.Send("hi")).AssertReply("what problem you'd like to report");
        (await t.Send("There is a pothole on 17 Ave SW at 4 St SW")).AssertReply("Got it: Pothole").AssertReply("17 Ave SW & 4 St SW, Ward 8").AssertChoices("Yes", "No");
        (await t.Send("yes")).AssertReply("Is it in a traffic lane?").AssertChoices("Yes, in a traffic lane", "No");
        (await t.Send("1")).AssertReply("About how big is it?").AssertChoices("Skip");
        (await t.Send("Bigger than a tire")).AssertReply("updates about this report");
        (await t.Send("yes")).AssertReply("Send this report?").AssertReply("Problem: There is a pothole").AssertReply("Location: 17 Ave SW & 4 St SW (Ward 8)").AssertChoices("Send it", "Change something", "Discard");
        (await t.Send("send")).AssertReply("Your report is #").AssertReply("Roads");

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Category).Include(i => i.Ward).Include(i => i.Subscribers).SingleAsync(i => i.ReferenceNumber == t.ReferenceNumber());
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.Equal("8", issue.Ward!.Code);
        Assert.Equal(IssueStatus.Received, issue.Status);
        Assert.Equal("yes", issue.Attributes["in_lane"]);
        Assert.Equal("large", issue.Attributes["size"]);
        Assert.Single(issue.Subscribers);
        // Pothole's 72 h SLA counts Roads' working hours (Mon–Fri 07:00–17:00, deploy/routing-rules.json):
        // reported Wednesday 10:00 MST, it is due eight working days later, Friday 12:00 MST.
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero), issue.Deadline);
    }

    [Fact]
    public async Task HappyPath_French_IsInFrenchFromTheFirstWord()
    {
        var t = new Transcript(app, channel: "sms");

        (await t.Send("Bonjour")).AssertReply("Ici le 311 de Calgary");
        (await t.Send("Il y a un lampadaire éteint")).AssertReply("Compris : Lampadaire").AssertReply("Où est-ce?");
        (await t.Send("hôtel de ville")).AssertReply("près de Calgary City Hall, quartier électoral 7");
        (await t.Send("oui")).AssertReply("Si un numéro est visible sur le poteau");
        (await t.Send("passer")).AssertReply("recevoir des nouvelles");
        (await t.Send("non")).AssertReply("Envoyer ce signalement?").AssertReply("Catégorie : Lampadaire");
        (await t.Send("1")).AssertReply("Votre signalement porte le numéro").AssertReply("ne pas recevoir de nouvelles");

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Subscribers).SingleAsync(i => i.ReferenceNumber == t.ReferenceNumber());
        Assert.Equal("fr", issue.Locale);
        Assert.Equal("out", issue.Attributes["light_state"]);
        Assert.Empty(issue.Subscribers);
    }

    [Fact]
    public async Task FirstMessage_WithEverything_FillsDescriptionLocationAndFollowUpsAtOnce()
    {
        var t = new Transcript(app);

        (await t.Send("Big pothole on Centre St N at 16 Ave, almost took out my tire"))
            .AssertReply("Got it: Pothole")
            .AssertReply("Is the problem near Centre St N & 16 Ave N, Ward");
        (await t.Send("yes")).AssertReply("updates about this report").AssertNoReply("traffic lane").AssertNoReply("How big");
        (await t.Send("no")).AssertReply("Details: Yes, in a traffic lane; Bigger than a tire");
    }

    [Fact]
    public async Task UnclearReport_OffersTheCategoriesToChooseFrom()
    {
        var t = new Transcript(app);

        // Vague words score under the dialog's categoryConfidence: the likely kinds first, and the
        // whole list one step away.
        (await t.Send("something is wrong on my street")).AssertReply("Which of these fits best?").AssertChoices("Something else");
        (await t.Send("Something else")).AssertReply("Please pick the kind of problem").AssertChoices("Pothole", "Streetlight", "Graffiti");
        (await t.Send("2")).AssertReply("Got it: Streetlight").AssertReply("Where is it?");
    }

    [Fact]
    public async Task AmbiguousReport_OffersTheTopCandidatesAndSomethingElse()
    {
        var t = new Transcript(app);

        (await t.Send("there is a pothole and the streetlight above it is out")).AssertReply("Which of these fits best?").AssertChoices("Streetlight", "Pothole", "Something else");
        (await t.Send("Something else")).AssertReply("Please pick the kind of problem");
        (await t.Send("graffiti")).AssertReply("Got it: Graffiti");
    }

    [Fact]
    public async Task SharedPin_IsOfferedAsTheProblemsPlaceNotAssumed()
    {
        var t = new Transcript(app);

        await t.Send("graffiti on a bridge, it's offensive");
        (await t.SendLocation(51.0453, -114.0581)).AssertReply("at the location you shared, near Calgary City Hall (Ward 7)").AssertChoices("Yes", "No");
        (await t.Send("no")).AssertReply("Where is it?");
        (await t.Send("Kensington")).AssertReply("Where in Kensington?");
        (await t.Send("Kensington Rd and 10 St NW")).AssertReply("near Kensington Rd NW & 10 St NW, Ward 7");
    }

    [Fact]
    public async Task PhotoFirst_ThenWords_BothKept()
    {
        var t = new Transcript(app);

        (await t.SendPhoto("2026/11/photo.jpg")).AssertReply("Thanks for the photo").AssertReply("Please pick the kind of problem");
        (await t.Send("1")).AssertReply("Got it: Pothole").AssertReply("Where is it?");
    }

    [Fact]
    public async Task PhotoWithGps_OffersThePhotosLocation()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendPhoto("2026/11/gps.jpg", new CivicConnect.Core.Messages.GeoLocation(51.0379, -114.0720, Source: CivicConnect.Core.Messages.LocationSource.PhotoExif)))
            .AssertReply("Thanks for the photo").AssertReply("17 Ave SW & 4 St SW (Ward 8)");
    }

    [Fact]
    public async Task LocationOutsideTheCity_IsRefusedAndAskedAgain()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendLocation(51.2917, -114.0144)).AssertReply("outside the City of Calgary's limits").AssertReply("Where is it?");
        (await t.Send("Airdrie")).AssertReply("outside the City of Calgary's limits");
    }

    [Fact]
    public async Task SameReportNearby_OffersToJoinItInsteadOfANewIssue()
    {
        var first = new Transcript(app);
        await first.Send("pothole on 17 Ave SW & 14 St SW");
        await first.Send("yes");
        await first.Send("1");
        await first.Send("skip");
        await first.Send("yes");
        await first.Send("send");
        var reference = first.ReferenceNumber();

        var second = new Transcript(app);
        await second.Send("huge pothole at 17 ave sw and 14 st sw");
        // Offered by category, date and distance; never quoting the first citizen's own words.
        (await second.Send("yes")).AssertReply($"already reported as #{reference} (pothole)").AssertNoReply("\"pothole on 17 Ave")
            .AssertChoices("Yes, add mine", "No, it's a different problem");
        (await second.Send("Yes, add mine to it")).AssertReply($"added to #{reference} as a vote");

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Subscribers).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal(1, issue.VoteCount);
        Assert.Equal(2, issue.Subscribers.Count);
        Assert.Equal(1, await db.Issues.CountAsync(i => i.AddressText == "17 Ave SW & 14 St SW"));
    }

    [Fact]
    public async Task ProviderRetry_SameMessageId_IsProcessedOnce()
    {
        var t = new Transcript(app);
        var activity = new CivicConnect.Core.Messages.Activity("retry-1", "directline", t.Address, "pothole", [], null, null, app.Clock.GetUtcNow());

        (await t.Send(activity)).AssertReply("Got it: Pothole");
        await t.Send(activity);
        await t.Send(activity);

        Assert.Empty(t.Replies);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Address == t.Address));
    }
}
