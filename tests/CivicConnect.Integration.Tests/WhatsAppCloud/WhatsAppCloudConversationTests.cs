using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.WhatsAppCloud;

/// <summary>Whole conversations over the WhatsApp Cloud API: signed webhooks in, Graph API calls (WireMock) out.</summary>
public sealed partial class WhatsAppCloudConversationTests(WhatsAppCloudAppFactory app) : IClassFixture<WhatsAppCloudAppFactory>
{
    private readonly CloudWebhook meta = new(app);

    [Fact]
    public async Task PotholeReport_WithALocationPinAndButtonReplies_EndsWithTheReferenceNumberSentThroughGraph()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await meta.SendOk(CloudWebhook.Text(waId, "There is a big pothole"));
        await meta.SendOk(CloudWebhook.Location(waId, 51.0379, -114.0720, "17 Ave SW"));
        await app.DrainOutboxAsync();

        // The pin is offered, never assumed: the question comes with Yes/No reply buttons.
        var offer = app.SentTo(waId)[^1];
        Assert.Equal("button", offer["interactive"]?["type"]?.GetValue<string>());
        Assert.Contains("location you shared", offer["interactive"]!["body"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Answer every question with its first choice, as a citizen tapping through would.
        var buttonReplies = 0;
        for (var step = 0; step < 8 && !app.SentTo(waId).Any(IsConfirmation); step++)
        {
            var last = app.SentTo(waId)[^1]["interactive"]!;
            if (last["type"]!.GetValue<string>() == "button")
            {
                var button = last["action"]!["buttons"]![0]!["reply"]!;
                await meta.SendOk(CloudWebhook.ButtonReply(waId, button["id"]!.GetValue<string>(), button["title"]!.GetValue<string>()));
                buttonReplies++;
            }
            else
            {
                var row = last["action"]!["sections"]![0]!["rows"]![0]!;
                Assert.True(row["title"]!.GetValue<string>().Length <= 24);
                await meta.SendOk(CloudWebhook.ListReply(waId, row["id"]!.GetValue<string>(), row["title"]!.GetValue<string>()));
            }

            await app.DrainOutboxAsync();
        }

        Assert.True(buttonReplies >= 2);
        var confirmation = Assert.Single(app.SentTo(waId), IsConfirmation)["text"]!["body"]!.GetValue<string>();
        var reference = int.Parse(ReferencePattern().Match(confirmation).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Category).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.All(await db.OutboxMessages.AsNoTracking().Where(m => m.Address == "+" + waId).ToListAsync(), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.StartsWith("wamid.", m.ProviderMessageId, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SameWamid_DeliveredThreeTimes_IsOneTurnAndOneReply()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var message = CloudWebhook.Text(waId, "hi");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => meta.SendOk(message.DeepClone().AsObject())));
        await app.DrainOutboxAsync();

        Assert.Single(app.SentTo(waId));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.ProviderMessageId == message["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Photo_IsFetchedThroughTheGraphMediaEndpoint_StoredAndOfferedByItsGps()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var mediaId = app.ServeMedia(TestImages.JpegWithGps(), "image/jpeg");
        var thumbnailsBefore = Thumbnails(); // other tests of the class store photos in the same folder

        await meta.SendOk(CloudWebhook.Image(waId, mediaId, caption: "pothole"));
        await app.DrainOutboxAsync();

        var texts = app.SentTo(waId).Select(Body).ToList();
        Assert.Contains(texts, t => t.Contains("Thanks for the photo", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("location you shared", StringComparison.Ordinal));
        Assert.Equal(thumbnailsBefore + 1, Thumbnails());
    }

    [Fact]
    public async Task MediaUrlOffMetasHosts_IsNeverFetchedWithTheToken_AndTheCitizenIsTold()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var id = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The same stand-in under another host name: fetched, it would receive the access token.
        var graph = new Uri(app.Graph.Url!);
        var elsewhere = new UriBuilder(graph) { Host = graph.Host == "localhost" ? "127.0.0.1" : "localhost", Path = "/elsewhere/photo.jpg" }.Uri;
        app.Graph.Given(WireMock.RequestBuilders.Request.Create().WithPath($"/{WhatsAppCloudAppFactory.Version}/{id}").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"messaging_product":"whatsapp","url":"{{elsewhere}}","mime_type":"image/jpeg","file_size":1000,"id":"{{id}}"}"""));

        await meta.SendOk(CloudWebhook.Image(waId, id, caption: "pothole"));
        await app.DrainOutboxAsync();

        Assert.Contains(app.Graph.LogEntries, e => e.RequestMessage.Path.EndsWith("/" + id, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.LogEntries, e => e.RequestMessage.Path == "/elsewhere/photo.jpg");
        Assert.Contains(app.SentTo(waId), m => Body(m).Contains("couldn't get the photo", StringComparison.Ordinal));
    }

    private int Thumbnails() =>
        Directory.Exists(app.MediaRoot) ? Directory.EnumerateFiles(app.MediaRoot, "*.thumb.jpg", SearchOption.AllDirectories).Count() : 0;

    [Theory]
    [MemberData(nameof(TestImages.AcceptedFormats), MemberType = typeof(TestImages))]
    public async Task PhotoInEveryAcceptedFormat_IsStoredAndReachesTheInbox(string format)
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var (data, contentType) = TestImages.Photo(format);
        var message = CloudWebhook.Image(waId, app.ServeMedia(data, contentType), contentType, caption: "pothole");

        await meta.SendOk(message);

        await using var db = app.CreateDbContext();
        var payload = await db.InboxMessages.AsNoTracking().Where(m => m.ProviderMessageId == message["id"]!.GetValue<string>()).Select(m => m.Payload).SingleAsync();
        var activity = System.Text.Json.JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(payload, CivicConnect.Messaging.MessageJson.Options)!;
        var photo = Assert.Single(activity.Attachments);
        Assert.Equal(contentType, photo.ContentType);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath!)));
    }

    [Fact]
    public async Task VoiceNote_GetsAPoliteReplyAndNothingIsFetched()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        var message = CloudWebhook.Image(waId, "999", mimeType: "audio/ogg");
        message["type"] = "audio";

        await meta.SendOk(message);
        await app.DrainOutboxAsync();

        Assert.Contains(app.SentTo(waId), m => Body(m).Contains("I can only take photos", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.LogEntries, e => e.RequestMessage.Path.EndsWith("/999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statuses_MarkTheOutboxRowDeliveredOrRecordTheError()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await meta.SendOk(CloudWebhook.Text(waId, "hi"));
        await meta.SendOk(CloudWebhook.Text(waId, "There is a pothole on 17 Ave SW at 4 St SW"));
        await app.DrainOutboxAsync();
        await using var db = app.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Address == "+" + waId).OrderBy(m => m.Id).ToListAsync();
        Assert.True(rows.Count >= 2);

        var response = await meta.PostAsync(CloudWebhook.Statuses((rows[0].ProviderMessageId!, "delivered", null), (rows[0].ProviderMessageId!, "sent", null), (rows[1].ProviderMessageId!, "failed", 131026)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var delivered = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rows[0].Id);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        var failed = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rows[1].Id);
        Assert.Equal("failed", failed.ProviderStatus);
        Assert.Contains("131026", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_IsHonouredLikeOnTwilio_ConfirmedOnceThenSilentUntilStart()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await meta.SendOk(CloudWebhook.Text(waId, "pothole"));
        await app.DrainOutboxAsync();
        var before = app.SentTo(waId).Count;

        // Meta, unlike Twilio, confirms nothing itself: the one message after STOP is ours.
        await meta.SendOk(CloudWebhook.Text(waId, "STOP"));
        await app.DrainOutboxAsync();
        var notice = Assert.Single(app.SentTo(waId).Skip(before));
        Assert.Contains("unsubscribed", Body(notice), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == "+" + waId);
            Assert.True(conversation.OptedOut);
            Assert.Contains("pothole", conversation.State, StringComparison.Ordinal); // the draft is kept, not discarded
        }

        // Opted out: the bot's answer is written but never sent.
        await meta.SendOk(CloudWebhook.Text(waId, "help"));
        await app.DrainOutboxAsync();
        Assert.Equal(before + 1, app.SentTo(waId).Count);

        await meta.SendOk(CloudWebhook.Text(waId, "START"));
        await app.DrainOutboxAsync();
        Assert.Contains("subscribed to Calgary 311 messages again", Body(app.SentTo(waId)[^1]), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Conversations.Where(c => c.Address == "+" + waId).Select(c => c.OptedOut).SingleAsync());
        }
    }

    private static bool IsConfirmation(JsonObject message) => Body(message).Contains("Your report is #", StringComparison.Ordinal);

    private static string Body(JsonObject message) =>
        message["text"]?["body"]?.GetValue<string>() ?? message["interactive"]?["body"]?["text"]?.GetValue<string>() ?? string.Empty;

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
