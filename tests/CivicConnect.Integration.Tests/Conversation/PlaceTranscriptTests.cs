using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Conversation;

/// <summary>
/// Citizens type places the way people do, with no geocoder configured: the street gazetteer
/// from the City registers answers, and asks when the words fit several places.
/// </summary>
public sealed class PlaceTranscriptTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Theory]
    [InlineData("pothole at Macleod Trail and Heritage Drive SE", "near Macleod Trail SE & Heritage Dr SE, Ward")]
    [InlineData("pothole in front of 800 Macleod Trail SE", "near 800 Macleod Trail SE, Ward")]
    [InlineData("graffiti on the Peace Bridge", "near Peace Bridge, Ward")]
    [InlineData("pothole at Macleod Trial and Heritge Drive SE", "near Macleod Trail SE & Heritage Dr SE, Ward")]
    [InlineData("pothole at crowchild tr & bow tr", "near Crowchild Trail SW & Bow Trail SW, Ward")]
    public async Task Send_APlaceAsCitizensTypeIt_IsOfferedForConfirmation(string message, string offered)
    {
        var t = new Transcript(app);

        (await t.Send(message)).AssertReply(offered).AssertChoices("Yes", "No");
    }

    [Fact]
    public async Task Send_PlaceInFrench_IsOfferedInFrench()
    {
        var t = new Transcript(app, locale: "fr");

        (await t.Send("nid-de-poule au coin de la 17e Avenue et de la 4e Rue SO")).AssertReply("près de 17 Ave SW & 4 St SW");
    }

    [Fact]
    public async Task Send_ACornerInSeveralQuadrants_IsAQuestionWithChoices()
    {
        var t = new Transcript(app);

        (await t.Send("pothole at 17 ave and 4 st")).AssertReply("Which place do you mean?").AssertChoices("17 Ave SW & 4 St SW", "17 Ave NW & 4 St NW");
        (await t.Send("17 Ave SW & 4 St SW")).AssertReply("17 Ave SW & 4 St SW");
    }

    [Fact]
    public async Task Send_ACommunity_IsNarrowedAndTheCommunitySettlesTheCorner()
    {
        var t = new Transcript(app);

        (await t.Send("pothole in the Beltline")).AssertReply("Where in Beltline?");
        (await t.Send("17 ave and 4 st")).AssertReply("near 17 Ave SW & 4 St SW, Ward 8").AssertChoices("Yes", "No");
    }
}
