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
        await SweepUntilProcessedAsync(fields["MessageSid"]);
        await app.DrainOutboxAsync();

        var reply = Assert.Single(app.SentTo(e164));
        Assert.Contains("Pothole", reply["Body"], StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.NotNull((await after.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"])).ProcessedAt);
    }

    /// <summary>
    /// Sweeps as the surviving node until the message is processed. The node's own background
    /// sweeper runs too (it sweeps when the host starts and whenever the clock passes its interval),
    /// and whichever sweeper locks the conversation first runs the turn while the other skips it:
    /// so the test waits for the message, not for one particular sweep. The first turn in a test
    /// process also builds the classifier (tens of seconds on a busy machine), hence the patience.
    /// </summary>
    private async Task SweepUntilProcessedAsync(string messageSid)
    {
        var sweeper = app.Services.GetRequiredService<InboxSweeper>();
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (true)
        {
            await sweeper.SweepOnceAsync(CancellationToken.None);
            await using var db = app.CreateDbContext();
            if (await db.InboxMessages.AsNoTracking().AnyAsync(m => m.ProviderMessageId == messageSid && m.ProcessedAt != null))
            {
                return;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, "No sweeper finished the turn within 5 minutes.");
            await Task.Delay(200);
        }
    }
}
