using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>The city's SMS number may send one message a second (a long code's provider limit).</summary>
public sealed class PacedOutboxAppFactory : TwilioAppFactory
{
    public PacedOutboxAppFactory() => Settings["Messaging:OutboxChannels:sms:SendsPerSecond"] = "1";
}

public sealed class PacedOutboxTests(PacedOutboxAppFactory app) : IClassFixture<PacedOutboxAppFactory>
{
    [Fact]
    public async Task OneMessageASecondPerNumber_TheNextWaitsForTheClock_EvenWithSlotsFree()
    {
        var recipients = Enumerable.Range(0, 3).Select(_ => TwilioAppFactory.NewCitizen().E164).Distinct().ToList();
        var due = app.Clock.GetUtcNow();
        await using (var db = app.CreateDbContext())
        {
            foreach (var to in recipients)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = OutboxKinds.Reply,
                    Channel = ChannelIds.Sms,
                    Address = to,
                    ConversationId = Guid.NewGuid(),
                    Payload = OutboxPayload.Write("en", new Reply("hello", [])),
                    NextAttemptAt = due,
                    CreatedAt = due,
                });
            }

            await db.SaveChangesAsync();
        }

        var dispatch = app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        // The first goes at once; the others are booked one and two seconds later on the injected clock,
        // so however long real time runs they cannot reach Twilio before the clock moves.
        await UntilSentAsync(recipients, 1);
        Assert.Equal(1, Sent(recipients));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await UntilSentAsync(recipients, 2);
        Assert.Equal(2, Sent(recipients));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatch;
        Assert.Equal(3, Sent(recipients));
    }

    private int Sent(IEnumerable<string> recipients) => recipients.Sum(to => app.SentTo(to).Count);

    private async Task UntilSentAsync(IReadOnlyList<string> recipients, int count)
    {
        for (var i = 0; i < 600 && Sent(recipients) < count; i++)
        {
            await Task.Delay(50);
        }
    }
}
