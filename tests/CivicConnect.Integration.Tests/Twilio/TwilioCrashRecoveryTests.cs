using CivicConnect.Messaging.Inbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>A node that dies right after the inbox commit: its turn never runs (turns left to the sweeper, then the host is stopped).</summary>
public sealed class CrashingTwilioNode(TwilioAppFactory survivor) : TwilioAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Civic", survivor.Database.ConnectionString);
        builder.UseSetting("Messaging:Turns", "SweeperOnly");
    }
}

public sealed class TwilioCrashRecoveryTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    [Fact]
    public async Task HostStoppedBetweenInboxCommitAndTurn_AnotherHostsSweeperFinishesTheTurnAndRepliesOnce()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "There is a pothole on 17 Ave SW at 4 St SW");
        var crashed = new CrashingTwilioNode(app);
        try
        {
            await new TwilioWebhook(crashed).SendOk(fields);
        }
        finally
        {
            await crashed.DisposeAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var pending = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"]);
            Assert.Null(pending.ProcessedAt);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == e164));
        }

        // The surviving node: once the message is older than the grace period, its sweeper takes it.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<InboxSweeper>().SweepOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxSweeper>().SweepOnceAsync(CancellationToken.None);
        await app.DrainOutboxAsync();

        var reply = Assert.Single(app.SentTo(e164));
        Assert.Contains("Pothole", reply["Body"], StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.NotNull((await after.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"])).ProcessedAt);
    }
}
