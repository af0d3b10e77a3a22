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
        Assert.Equal(4, await db.InboxMessages.CountAsync(m => m.Address == flooderE164));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Address == otherE164));
    }

    public sealed class LimitedTwilioAppFactory : TwilioAppFactory
    {
        public LimitedTwilioAppFactory() => Settings["Twilio:InboundPerSenderPerMinute"] = "3";
    }
}
