using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>
/// A provider that accepts a message but answers after our timeout: the call is not repeated inside the
/// resilience pipeline (the provider may have it), and the row, in doubt, is checked against Twilio's list
/// before it is sent again. The citizen reads the reply once.
/// </summary>
public sealed class OutboxInDoubtTests(SlowTwilioOutboxAppFactory app) : IClassFixture<SlowTwilioOutboxAppFactory>
{
    [Fact]
    public async Task ProviderAcceptsButAnswersAfterOurTimeout_TheCallIsNotRepeated_TwilioIsAskedLater_AndTheReplyArrivesOnce()
    {
        await WarmUpAsync();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var citizen = TwilioAppFactory.NewCitizen().E164;
        app.AnswerLate["slow to answer"] = TimeSpan.FromSeconds(8);
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.Add(ParallelOutboxTests.Row(citizen, ParallelOutboxTests.ConversationOf(citizen), "slow to answer"));
            db.OutboxMessages.Add(ParallelOutboxTests.Row(citizen, ParallelOutboxTests.ConversationOf(citizen), "next"));
            await db.SaveChangesAsync();
        }

        // The call times out after Twilio accepted it: the row waits in doubt (a call repeated inside the
        // pipeline would have reached the stand-in again, and been late again).
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await using (var db = app.CreateDbContext())
        {
            var waiting = await db.OutboxMessages.AsNoTracking().Where(m => m.Address == citizen).OrderBy(m => m.Id).FirstAsync();
            Assert.Equal((OutboxStatus.Pending, true), (waiting.Status, waiting.InDoubt));
        }

        // Back-offs over (each round moves the clock past them), Twilio's list shows it was sent: marked, not sent
        // again; then the next in order. On a loaded machine "next" may time out too: it is found the same way.
        await TwilioFlakyApiTests.DrainWithBackoffAsync(app);

        Assert.Equal(["slow to answer", "next"], app.ArrivalsFor(citizen));
        await using var after = app.CreateDbContext();
        var rows = await after.OutboxMessages.AsNoTracking().Where(m => m.Address == citizen).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(OutboxStatus.Sent, false), (OutboxStatus.Sent, false)], rows.Select(r => (r.Status, r.InDoubt)));
        Assert.True(app.Lookups >= 1);
    }

    /// <summary>
    /// One message sent first, so the stand-in and the connection to it are warm: a cold first call on a loaded
    /// machine can time out before it reaches the stand-in, and arrive there after Twilio was asked.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var someone = TwilioAppFactory.NewCitizen().E164;
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.Add(ParallelOutboxTests.Row(someone, ParallelOutboxTests.ConversationOf(someone), "warm-up"));
            await db.SaveChangesAsync();
        }

        await TwilioFlakyApiTests.DrainWithBackoffAsync(app);
    }
}
