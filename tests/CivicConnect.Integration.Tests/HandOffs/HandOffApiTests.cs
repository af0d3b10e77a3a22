using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Channels.Turns;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Live;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Staff.HandOffs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.HandOffs;

/// <summary>
/// Live hand-off through the real server: an SMS citizen asks for a person, agents work the
/// hand-off on <c>/api/handoffs</c>, replies go out through the outbox to the Twilio stand-in.
/// </summary>
public sealed class HandOffApiTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private const string Pothole = "There is a pothole on 17 Ave SW at 4 St SW";
    private readonly HandOffApi api = new(app);

    [Fact]
    public async Task AskingForAPerson_OpensOneHandOff_LiveInTheInbox_WithTranscriptAndDraft()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await app.Services.GetRequiredService<LiveFeedListener>().Listening;
        var heard = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ILiveFeed>().Subscribe(LiveTopics.HandOffs, e =>
        {
            heard.TrySetResult(e);
            return Task.CompletedTask;
        });

        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        var live = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.DrainOutboxAsync();
        Assert.Contains(app.SentTo(citizen), m => m["Body"].Contains("someone from 311 will contact you here shortly", StringComparison.Ordinal));

        using var agent = api.Agent("Sam");
        var summary = await api.OpenHandOffOfAsync(agent, citizen);
        Assert.Equal(summary.Id, JsonDocument.Parse(live.Payload).RootElement.GetProperty("handOffId").GetInt64());
        Assert.Equal("waiting", summary.Status);
        Assert.Equal("ROADS", summary.Department);

        var detail = await HandOffApi.DetailAsync(agent, summary.Id);
        Assert.Contains(detail.Transcript, l => l is { Speaker: "citizen", Earlier: true } && l.Text == Pothole);
        Assert.Contains(detail.Transcript, l => l is { Speaker: "citizen", Earlier: false } && l.Text == "agent");
        Assert.Contains(detail.Transcript, l => l.Speaker == "bot" && l.Text.Contains("someone from 311", StringComparison.Ordinal));
        Assert.Equal("pothole", detail.Draft?.CategoryCode);
        Assert.Contains("pothole", detail.Draft!.Description, StringComparison.OrdinalIgnoreCase);

        // Asking again while one is open is the same hand-off.
        await api.CitizenSaysAsync(citizen, "talk to someone");
        await api.OpenHandOffOfAsync(agent, citizen);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.HandOffs.CountAsync(h => h.Address == citizen));
    }

    [Fact]
    public async Task Claim_ByASecondAgent_Is409_AndTheReplyReachesTwilioExactlyOnce()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        using var kim = api.Agent("Kim");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;

        var claims = await Task.WhenAll(sam.PostAsync($"/api/handoffs/{id}/claim", null), kim.PostAsync($"/api/handoffs/{id}/claim", null));
        Assert.Single(claims, r => r.StatusCode == HttpStatusCode.OK);
        var winner = claims[0].StatusCode == HttpStatusCode.OK ? sam : kim;
        var loser = winner == sam ? kim : sam;
        await HandOffApi.AssertProblemAsync(claims.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict);
        await HandOffApi.AssertProblemAsync(await loser.PostAsync($"/api/handoffs/{id}/claim", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await winner.PostAsync($"/api/handoffs/{id}/claim", null)).StatusCode);

        await HandOffApi.AssertProblemAsync(await loser.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = "I'm not holding it" }), HttpStatusCode.Conflict);
        var sent = await winner.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = "Hello, this is 311. How big is the pothole?" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Address == citizen && m.Channel == "sms").ToListAsync();
            var reply = Assert.Single(rows, r => OutboxPayload.Read(r.Payload).Reply.Text == "Hello, this is 311. How big is the pothole?");
            Assert.Equal(OutboxKinds.Reply, reply.Kind);
        }

        await app.DrainOutboxAsync();
        var delivered = Assert.Single(app.SentTo(citizen), m => m["Body"] == "Hello, this is 311. How big is the pothole?");
        Assert.Equal(TwilioAppFactory.CityNumber, delivered["From"]);
        var detail = await HandOffApi.DetailAsync(winner, id);
        Assert.Equal("held", detail.HandOff.Status);
        Assert.Contains(detail.Transcript, l => l.Speaker == "agent" && l.Text.StartsWith("Hello, this is 311", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "A person from 311 is with you now", "You're back with the Calgary 311 assistant")]
    [InlineData("fr", "Une personne du 311 est avec vous maintenant", "Vous êtes de retour avec l'assistant 311 de Calgary")]
    public async Task Claim_TellsTheCitizenOnce_InTheirLanguage_AndReleaseTellsThemTheBotIsBack(string language, string claimed, string released)
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        if (language == "fr")
        {
            await api.CitizenSaysAsync(citizen, "français");
        }

        await api.CitizenSaysAsync(citizen, language == "fr" ? "Il y a un nid-de-poule sur la 17e Avenue SO" : Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;

        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/api/handoffs/{id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/api/handoffs/{id}/claim", null)).StatusCode);
        await app.DrainOutboxAsync();

        var told = Assert.Single(app.SentTo(citizen), m => m["Body"].StartsWith(claimed, StringComparison.Ordinal));
        Assert.Equal(TwilioAppFactory.CityNumber, told["From"]);
        Assert.Contains((await HandOffApi.DetailAsync(sam, id)).Transcript, l => l.Speaker == "bot" && l.Text.StartsWith(claimed, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/api/handoffs/{id}/release", null)).StatusCode);
        await app.DrainOutboxAsync();
        Assert.StartsWith(released, app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);
        Assert.Single(app.SentTo(citizen), m => m["Body"].StartsWith(claimed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileHeld_TheBotStaysOut_ButStatusAndLanguageStillWork()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/api/handoffs/{id}/claim", null)).StatusCode);
        await app.DrainOutboxAsync();
        var before = app.SentTo(citizen).Count;
        var draftBefore = (await HandOffApi.DetailAsync(sam, id)).Draft;

        await api.CitizenSaysAsync(citizen, "It's about as big as a tire, please hurry", "yes");
        await app.DrainOutboxAsync();
        Assert.Equal(before, app.SentTo(citizen).Count);
        var held = await HandOffApi.DetailAsync(sam, id);
        Assert.Contains(held.Transcript, l => l is { Speaker: "citizen", Earlier: false } && l.Text == "It's about as big as a tire, please hurry");
        Assert.Contains(held.Transcript, l => l is { Speaker: "citizen", Earlier: false } && l.Text == "yes");
        Assert.Equal((draftBefore!.Description, draftBefore.CategoryCode, draftBefore.Awaiting), (held.Draft!.Description, held.Draft.CategoryCode, held.Draft.Awaiting));
        Assert.Null(held.Draft.Place);

        await api.CitizenSaysAsync(citizen, "status 987654");
        await app.DrainOutboxAsync();
        Assert.Equal(before + 1, app.SentTo(citizen).Count);
        Assert.Contains("couldn't find report #987654", app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);

        await api.CitizenSaysAsync(citizen, "français");
        await app.DrainOutboxAsync();
        Assert.Equal(before + 2, app.SentTo(citizen).Count);
        Assert.Contains("français", app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);
        Assert.DoesNotContain("Où", app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);
        Assert.Equal("fr", (await HandOffApi.DetailAsync(sam, id)).HandOff.Locale);
    }

    [Fact]
    public async Task Release_HandsBackToTheBot_WithTheDraftIntact()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;
        await sam.PostAsync($"/api/handoffs/{id}/claim", null);
        await sam.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = "Is it right at the corner?" });
        await api.CitizenSaysAsync(citizen, "yes right at the corner");

        var released = await sam.PostAsync($"/api/handoffs/{id}/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var detail = (await released.Content.ReadFromJsonAsync<HandOffDetail>())!;
        Assert.Equal("closed", detail.HandOff.Status);
        Assert.Equal("released", detail.Outcome);
        Assert.Equal("pothole", detail.Draft?.CategoryCode);
        await app.DrainOutboxAsync();
        Assert.Contains("back with the Calgary 311 assistant", app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);
        await HandOffApi.AssertProblemAsync(await sam.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = "still there?" }), HttpStatusCode.Conflict);

        // The bot picks the report up where it was: the place question is answered, the next one asked.
        var count = app.SentTo(citizen).Count;
        await api.CitizenSaysAsync(citizen, "yes");
        await app.DrainOutboxAsync();
        Assert.Equal(count + 1, app.SentTo(citizen).Count);
        await using var db = app.CreateDbContext();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == citizen);
        var state = ConversationStateSerializer.Read(conversation.State, conversation.StateSchemaVersion);
        Assert.Equal("pothole", state.Draft?.CategoryCode);
        Assert.NotNull(state.Draft!.Place);
        Assert.DoesNotContain(await sam.GetFromJsonAsync<List<HandOffSummary>>("/api/handoffs") ?? [], h => h.Id == id);
    }

    [Fact]
    public async Task APhotoSentWhileHeld_IsAttachedToTheReportTheAgentFiles()
    {
        var (written, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/api/handoffs/{id}/claim", null)).StatusCode);

        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(320, 240, new SixLabors.ImageSharp.PixelFormats.Rgb24(90, 70, 50)))
        using (var jpeg = new MemoryStream())
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, jpeg);
            var url = app.ServeMedia(jpeg.ToArray(), "image/jpeg");
            await new TwilioWebhook(app).SendOk(TwilioWebhook.Mms(written, "here it is", (url, "image/jpeg")));
        }

        var filed = await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { place = "17 Ave SW at 4 St SW" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var report = (await filed.Content.ReadFromJsonAsync<FiledReport>())!;

        await using var db = app.CreateDbContext();
        var media = await db.IssueMedia.AsNoTracking().Where(m => m.IssueId == report.IssueId).ToListAsync();
        var photo = Assert.Single(media);
        Assert.Equal("image/jpeg", photo.ContentType);
    }

    [Fact]
    public async Task File_FromTheDraft_AsksForTheMissingPlace_ThenFilesOneReport()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;
        await sam.PostAsync($"/api/handoffs/{id}/claim", null);

        var missing = await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { });
        Assert.True((await HandOffApi.AssertProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("place", out _));
        await HandOffApi.AssertProblemAsync(await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { category = "no-such-thing", place = "17 Ave SW at 4 St SW" }), HttpStatusCode.BadRequest);
        await HandOffApi.AssertProblemAsync(await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { place = "zzqx nowhere street" }), HttpStatusCode.BadRequest);

        var filed = await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { place = "17 Ave SW at 4 St SW" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var report = (await filed.Content.ReadFromJsonAsync<FiledReport>())!;

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Category).SingleAsync(i => i.ReferenceNumber == report.ReferenceNumber);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.Equal((await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == citizen)).Id, issue.ReporterConversationId);
        var handOff = await db.HandOffs.AsNoTracking().SingleAsync(h => h.Id == id);
        Assert.Equal((HandOffStatus.Closed, HandOffOutcome.Filed, report.ReferenceNumber), (handOff.Status, handOff.Outcome, handOff.ReferenceNumber));
        await app.DrainOutboxAsync();
        Assert.Contains($"Your report is #{report.ReferenceNumber}", app.SentTo(citizen)[^1]["Body"], StringComparison.Ordinal);
        await HandOffApi.AssertProblemAsync(await sam.PostAsJsonAsync($"/api/handoffs/{id}/file", new { place = "17 Ave SW at 4 St SW" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BadRequests_AreProblemDetails_AndStaffSeeOnlyTheirDepartment()
    {
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await api.CitizenSaysAsync(citizen, Pothole, "agent");
        using var sam = api.Agent("Sam");
        var id = (await api.OpenHandOffOfAsync(sam, citizen)).Id;

        using var parks = api.StaffOf("PARKS");
        using var roads = api.StaffOf("ROADS");
        Assert.DoesNotContain(await parks.GetFromJsonAsync<List<HandOffSummary>>("/api/handoffs") ?? [], h => h.Id == id);
        Assert.Contains(await roads.GetFromJsonAsync<List<HandOffSummary>>("/api/handoffs") ?? [], h => h.Id == id);
        await HandOffApi.AssertProblemAsync(await parks.PostAsync($"/api/handoffs/{id}/claim", null), HttpStatusCode.Forbidden);
        await HandOffApi.AssertProblemAsync(await sam.PostAsync("/api/handoffs/999999999/claim", null), HttpStatusCode.NotFound);

        await sam.PostAsync($"/api/handoffs/{id}/claim", null);
        var empty = await sam.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = "   " });
        Assert.True((await HandOffApi.AssertProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("text", out _));
        await HandOffApi.AssertProblemAsync(await sam.PostAsJsonAsync($"/api/handoffs/{id}/messages", new { text = new string('x', 1601) }), HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.HandOffLines.CountAsync(l => l.HandOffId == id && l.Speaker == HandOffSpeaker.Agent));

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/handoffs")).StatusCode);
        using var fieldWorker = app.CreateClientAs("field_worker", "ROADS");
        Assert.Equal(HttpStatusCode.Forbidden, (await fieldWorker.GetAsync("/api/handoffs")).StatusCode);
    }
}
