using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Messaging;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>
/// A media host slower than Twilio's webhook timeout (15 s): the message is committed with its
/// media link at once, and the photo is fetched before the turn, so nothing is lost.
/// </summary>
public sealed class SlowMediaTests(QueuedTurnsTwilioApp app) : IClassFixture<QueuedTurnsTwilioApp>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task MmsWhoseMediaHostTakes30Seconds_IsCommittedAtOnce_AndItsPhotoStillReachesTheCitizensDraft()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var url = TwilioAppFactory.TwilioMediaUrl();
        app.Api.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestImages.Photo("jpeg").Data).WithDelay(TimeSpan.FromSeconds(30)));
        var fields = TwilioWebhook.Mms(written, "pothole", (url, "image/jpeg"));

        // The webhook is answered while the media host is still silent: before, it waited for the
        // photo, Twilio hung up at 15 s and the message was never stored.
        await twilio.SendOk(fields);
        var committed = await InboxActivityAsync(fields["MessageSid"]);
        var reference = Assert.Single(committed.Attachments);
        Assert.Equal(url, reference.Url);
        Assert.Null(reference.StoredPath);

        var stored = await WaitForStoredPhotoAsync(fields["MessageSid"]);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, stored.StoredPath!)));
        await app.DrainOutboxAsync();
        Assert.Contains(app.SentTo(e164), m => m["Body"].Contains("Thanks for the photo.", StringComparison.Ordinal));
    }

    private async Task<Activity> InboxActivityAsync(string messageSid)
    {
        await using var db = app.CreateDbContext();
        var payload = await db.InboxMessages.AsNoTracking().Where(m => m.ProviderMessageId == messageSid).Select(m => m.Payload).SingleAsync();
        return JsonSerializer.Deserialize<Activity>(payload, MessageJson.Options)!;
    }

    private async Task<ActivityAttachment> WaitForStoredPhotoAsync(string messageSid)
    {
        for (var i = 0; i < 900; i++)
        {
            await using var db = app.CreateDbContext();
            var row = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == messageSid);
            if (row.ProcessedAt is not null)
            {
                var activity = JsonSerializer.Deserialize<Activity>(row.Payload, MessageJson.Options)!;
                Assert.Null(activity.MediaProblem);
                return Assert.Single(activity.Attachments);
            }

            await Task.Delay(200);
        }

        Assert.Fail("The message with the slow photo was not processed within three minutes.");
        return null!;
    }
}
