using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Privacy;

/// <summary>The retention sweep: abandoned draft photos after a day, raw messages after 90; filed reports and their photos stay.</summary>
public sealed class RetentionTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task Sweep_RemovesAbandonedDraftPhotosAfterADay_AndRawMessagesAfter90Days_NeverAReportsPhoto()
    {
        var filer = TwilioAppFactory.NewCitizen();
        var reference = await SmsReports.FileWithPhotoAsync(app, twilio, filer.Written, filer.E164, "There is a big pothole");
        var abandoner = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Mms(abandoner.Written, "graffiti on the wall", (app.ServeMedia(TestImages.Photo("jpeg").Data, "image/jpeg"), "image/jpeg")));
        await app.DrainOutboxAsync();
        var filesBefore = app.MediaFileCount();

        // Within the day nothing goes.
        app.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, (await SweepAsync()).Total);

        app.Clock.Advance(TimeSpan.FromHours(13));
        var day = await SweepAsync();
        Assert.Equal(1, day.Photos);
        Assert.Equal(0, day.Inbox);
        Assert.Equal(filesBefore - 2, app.MediaFileCount()); // the abandoned photo and its thumbnail
        await using (var db = app.CreateDbContext())
        {
            var filed = await db.Issues.AsNoTracking().Where(i => i.ReferenceNumber == reference).SelectMany(i => i.Media).SingleAsync();
            Assert.True(File.Exists(Path.Combine(app.MediaRoot, filed.StoredPath)));
            var payloads = await db.InboxMessages.AsNoTracking().Where(m => m.Address == abandoner.E164 || m.Address == filer.E164).Select(m => m.Payload).ToListAsync();
            Assert.DoesNotContain(payloads, p => p.Contains("storedPath", StringComparison.Ordinal));
        }

        app.Clock.Advance(TimeSpan.FromDays(90));
        var quarter = await SweepAsync();
        Assert.True(quarter.Inbox >= 8, $"inbox rows removed: {quarter.Inbox}");
        Assert.True(quarter.Outbox >= 8, $"outbox rows removed: {quarter.Outbox}");
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == abandoner.E164 || m.Address == filer.E164));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == abandoner.E164 || m.Address == filer.E164));
            var issue = await db.Issues.AsNoTracking().Include(i => i.Media).SingleAsync(i => i.ReferenceNumber == reference);
            Assert.Single(issue.Media);
        }
    }

    private async Task<RetentionFigures> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(CancellationToken.None);
    }
}
