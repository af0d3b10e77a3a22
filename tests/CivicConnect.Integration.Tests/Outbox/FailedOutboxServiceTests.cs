using System.Collections.Concurrent;
using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Live;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Staff.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>
/// The failed-messages services the console page and <c>/admin/outbox</c> share: filters, masked
/// recipients, retrying a selection row by row, and the live events open pages refresh on.
/// </summary>
public sealed class FailedOutboxServiceTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task List_FiltersByChannelAndKind_AndMasksRecipients()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var mail = await FailedRowAsync("mail", OutboxKinds.Notification, $"dispatch-{tag}@calgary.example", $"alert {tag}");
        var sms = await FailedRowAsync("sms", OutboxKinds.Reply, "+14035550177", $"reply {tag}");

        await using var scope = app.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<FailedOutboxQuery>();
        var mailOnly = await query.ListAsync(new FailedOutboxFilter(Channel: "mail"), before: null, limit: 200, CancellationToken.None);
        Assert.Contains(mailOnly.Items, m => m.Id == mail);
        Assert.DoesNotContain(mailOnly.Items, m => m.Id == sms);
        Assert.All(mailOnly.Items, m => Assert.Equal("mail", m.Channel));
        Assert.Equal("d***@calgary.example", mailOnly.Items.Single(m => m.Id == mail).Address);

        var replies = await query.ListAsync(new FailedOutboxFilter(Kind: OutboxKinds.Reply), before: null, limit: 200, CancellationToken.None);
        var reply = Assert.Single(replies.Items, m => m.Id == sms);
        Assert.Equal("+***77", reply.Address);
        Assert.Equal($"reply {tag}", reply.Preview);
        Assert.DoesNotContain(replies.Items, m => m.Id == mail);
        Assert.Contains("mail", await query.ChannelsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task List_ProviderErrorNamingTheRecipient_IsShownMasked()
    {
        var id = await FailedRowAsync("whatsapp", OutboxKinds.Reply, "whatsapp:+14035550123", "reply", lastError: "131026: message to wa_id 14035550123 (+14035550123) undeliverable");

        await using var scope = app.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<FailedOutboxQuery>().ListAsync(new FailedOutboxFilter(), before: null, limit: 500, CancellationToken.None);

        var row = Assert.Single(page.Items, m => m.Id == id);
        Assert.Equal("131026: message to wa_id +***23 (+***23) undeliverable", row.LastError);
    }

    [Fact]
    public async Task RetrySelection_QueuesEachFailedRow_RefusesTheOthers_AndTellsOpenPages()
    {
        var first = await FailedRowAsync("nowhere", OutboxKinds.Notification, "ops@calgary.example", "first");
        var second = await FailedRowAsync("nowhere", OutboxKinds.Notification, "ops@calgary.example", "second");
        long sent;
        await using (var db = app.CreateDbContext())
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == second);
            var copy = new OutboxMessage { Kind = row.Kind, Channel = row.Channel, Address = row.Address, Payload = row.Payload, Status = OutboxStatus.Sent, CreatedAt = row.CreatedAt, NextAttemptAt = row.NextAttemptAt };
            db.OutboxMessages.Add(copy);
            await db.SaveChangesAsync();
            sent = copy.Id;
        }

        await app.Services.GetRequiredService<LiveFeedListener>().Listening.WaitAsync(Patience);
        var events = new ConcurrentQueue<LiveEvent>();
        using var subscription = app.Services.GetRequiredService<ILiveFeed>().Subscribe(LiveTopics.Outbox, e =>
        {
            events.Enqueue(e);
            return Task.CompletedTask;
        });

        IReadOnlyList<OutboxRetryResult> results;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            results = await scope.ServiceProvider.GetRequiredService<OutboxRetry>().RetryAsync([first, second, sent, 999_999_999], CancellationToken.None);
        }

        Assert.Equal(
            [(first, OutboxRetryOutcome.Queued), (second, OutboxRetryOutcome.Queued), (sent, OutboxRetryOutcome.NotFailed), (999_999_999L, OutboxRetryOutcome.NotFound)],
            results.Select(r => (r.Id, r.Outcome)));
        await WaitForAsync(() => events.Count(e => e.Payload.Contains($"\"outboxId\":{first}", StringComparison.Ordinal) || e.Payload.Contains($"\"outboxId\":{second}", StringComparison.Ordinal)) == 2, "the retries were not published");

        // No sender for channel "nowhere" on this node: the dispatcher fails them again, and says so.
        await app.DrainOutboxAsync();
        await WaitForAsync(() => events.Any(e => e.Payload.Contains("\"failed\":", StringComparison.Ordinal)), "the dispatcher did not publish the failure");
        await using var check = app.CreateDbContext();
        // Failed again without an attempt (nothing could send them), from the fresh count the retry gave them.
        Assert.All(await check.OutboxMessages.AsNoTracking().Where(m => m.Id == first || m.Id == second).ToListAsync(), m => Assert.Equal((OutboxStatus.Failed, 0), (m.Status, m.Attempts)));
    }

    private async Task<long> FailedRowAsync(string channel, string kind, string address, string text, string lastError = "provider said no")
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Kind = kind,
            Channel = channel,
            Address = address,
            Payload = OutboxPayload.Write("en", Reply.Plain(text)),
            Status = OutboxStatus.Failed,
            Attempts = 5,
            LastError = lastError,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, failure);
            await Task.Delay(100);
        }
    }
}
