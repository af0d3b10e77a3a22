using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Tests.Infrastructure;

namespace CivicConnect.Conversation.Tests;

public sealed class InterruptionTranscriptTests : IDisposable
{
    private readonly EngineFixture city = new();

    [Fact]
    public async Task Help_InTheMiddleOfAReport_AnswersThenAsksThePendingQuestionAgain()
    {
        var t = new Transcript(city);
        (await t.Send("pothole on 17 ave sw")).AssertAwaiting(Awaiting.LocationConfirm);

        (await t.Send("help"))
            .AssertReply("I take reports of city problems")
            .AssertReply("Is the problem near 17 Ave SW & 4 St SW, Ward 8?")
            .AssertAwaiting(Awaiting.LocationConfirm);
        (await t.Send("yes")).AssertReply("Is it in a traffic lane?");
    }

    [Fact]
    public async Task Status_WithNoReports_SaysSoAndLeavesNothingPending()
    {
        var t = new Transcript(city);

        (await t.Send("status")).AssertReply("You have no open reports.").AssertNoReply("What's the problem?");

        Assert.Null(t.State.Draft);
    }

    [Fact]
    public async Task LanguageSwitch_MidReport_ContinuesTheSameReportInFrench()
    {
        var t = new Transcript(city);
        (await t.Send("I want to report a pothole")).AssertReply("Where is it?");

        (await t.Send("français")).AssertReply("je continue en français").AssertReply("Où est-ce?").AssertAwaiting(Awaiting.Location);
        (await t.Send("city hall")).AssertReply("Le problème est-il près de Calgary City Hall, quartier électoral 7?");

        Assert.Equal("fr", t.State.Locale);
        Assert.Equal("pothole", t.State.Draft!.CategoryCode);
    }

    [Fact]
    public async Task StartOver_DropsTheDraftAndAsksForANewProblem()
    {
        var t = new Transcript(city);
        await t.Send("pothole on 17 ave sw");

        (await t.Send("start over")).AssertReply("What's the problem?").AssertAwaiting(Awaiting.Description);

        Assert.Null(t.State.Draft);
    }

    public void Dispose() => city.Dispose();
}
