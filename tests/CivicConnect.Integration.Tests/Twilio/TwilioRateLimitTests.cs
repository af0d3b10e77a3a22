using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

public sealed class TwilioRateLimitTests(TwilioRateLimitTests.LimitedTwilioAppFactory app) : IClassFixture<TwilioRateLimitTests.LimitedTwilioAppFactory>
{
    [Fact]
    public async Task OneNumberFlooding_IsAcknowledgedButDropped_UntilTheMinutePasses_WhileOthersGetThrough()
    {
        var twilio = new TwilioWebhook(app);
        var (flooder, flooderE164) = TwilioAppFactory.NewCitizen();
        var (other, otherE164) = TwilioAppFactory.NewCitizen();

        for (var i = 0; i < 6; i++)
        {
            await twilio.SendOk(TwilioWebhook.Sms(flooder, "spam " + i));
        }

        await twilio.SendOk(TwilioWebhook.Sms(other, "hi"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await twilio.SendOk(TwilioWebhook.Sms(flooder, "hi again"));

        await using var db = app.CreateDbContext();

        // Three within the limit, the first one over it (answered), then after the minute one more.
        Assert.Equal(5, await db.InboxMessages.CountAsync(m => m.Address == flooderE164));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Address == otherE164));
    }

    [Theory]
    [InlineData("There is a pothole on 17 Ave SW at 4 St SW", "faster than I can read them")]
    [InlineData("Bonjour, il y a un nid-de-poule sur la 17e avenue", "plus vite que je ne peux les lire")]
    public async Task Flood_IsAnsweredOncePolitely_InTheCitizensLanguage_ThenIgnoredUntilTheWindowPasses(string first, string politeWords)
    {
        var twilio = new TwilioWebhook(app);
        var (flooder, e164) = TwilioAppFactory.NewCitizen();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        await twilio.SendOk(TwilioWebhook.Sms(flooder, first));
        for (var i = 0; i < 7; i++)
        {
            await twilio.SendOk(TwilioWebhook.Sms(flooder, "?"));
        }

        await app.DrainOutboxAsync();
        var during = app.SentTo(e164).Select(m => m["Body"]).ToList();
        Assert.Single(during, b => b.Contains(politeWords, StringComparison.Ordinal));

        // The reply to the flood is not a dialog turn: the next message after the window continues the report.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await twilio.SendOk(TwilioWebhook.Sms(flooder, "?"));
        await app.DrainOutboxAsync();
        var after = app.SentTo(e164).Select(m => m["Body"]).ToList();
        Assert.Equal(during.Count + 1, after.Count);
        Assert.Single(after, b => b.Contains(politeWords, StringComparison.Ordinal));
    }

    public sealed class LimitedTwilioAppFactory : TwilioAppFactory
    {
        public LimitedTwilioAppFactory() => Settings["Twilio:InboundPerSenderPerMinute"] = "3";
    }
}
