using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>
/// The outbox sends many rows at once, on two nodes sharing one database, yet each row reaches
/// the provider once and a recipient's messages one after the other, in order.
/// </summary>
public sealed class ParallelOutboxTests(ParallelOutboxAppFactory app) : IClassFixture<ParallelOutboxAppFactory>
{
    /// <summary>Due before either node's clock (each host has its own fake clock, starting at the same time).</summary>
    private static readonly DateTimeOffset Due = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoNodesSendingInParallel_EachRowOnce_InOrderPerRecipient()
    {
        var recipients = Enumerable.Range(0, 12).Select(_ => TwilioAppFactory.NewCitizen().E164).Distinct().ToList();
        const int PerRecipient = 6;

        // Interleaved, so one claim holds rows of many recipients and several rows of each are due at once.
        await using (var db = app.CreateDbContext())
        {
            for (var k = 0; k < PerRecipient; k++)
            {
                foreach (var to in recipients)
                {
                    db.OutboxMessages.Add(Row(to, ConversationOf(to), $"{to} message {k}"));
                }
            }

            await db.SaveChangesAsync();
        }

        var second = new SecondOutboxNode(app);
        try
        {
            await Task.WhenAll(DrainAsync(app.Services), DrainAsync(second.Services));
        }
        finally
        {
            await second.DisposeAsync();
        }

        await using var after = app.CreateDbContext();
        foreach (var to in recipients)
        {
            var rows = await after.OutboxMessages.AsNoTracking().Where(m => m.Address == to).OrderBy(m => m.Id).ToListAsync();
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
            Assert.All(rows, r => Assert.Equal(1, r.Attempts));

            // Each row once, in the order written, and never two of one recipient at the provider together.
            Assert.Equal(Enumerable.Range(0, PerRecipient).Select(k => $"{to} message {k}"), app.ArrivalsFor(to));
            Assert.Equal(1, app.MostAtOnceFor(to));
        }

        // And it was parallel: calls of different recipients overlapped.
        Assert.True(app.MostCallsAtOnce > 1, $"at most {app.MostCallsAtOnce} call at once");
    }

    [Fact]
    public async Task NodeStopsBetweenProviderAcceptAndMark_AfterItsLease_TwilioIsAskedFirst_SoTheRowIsNotSentAgain_ThenTheNextInOrder()
    {
        var victim = TwilioAppFactory.NewCitizen().E164;
        var bystander = TwilioAppFactory.NewCitizen().E164;
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.Add(Row(victim, ConversationOf(victim), "first"));
            db.OutboxMessages.Add(Row(victim, ConversationOf(victim), "second"));
            db.OutboxMessages.Add(Row(bystander, ConversationOf(bystander), "hello"));
            await db.SaveChangesAsync();

            // The database refuses to mark the victim's first message sent, as if the node died right after the provider's 201.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION stop_before_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'node stopped before marking'; END $$;
                CREATE TRIGGER stop_before_mark BEFORE UPDATE ON outbox_messages FOR EACH ROW
                    WHEN (NEW.status = 'Sent' AND NEW.payload -> 'reply' ->> 'text' = 'first') EXECUTE FUNCTION stop_before_mark();
                """);
        }

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        try
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER stop_before_mark ON outbox_messages; DROP FUNCTION stop_before_mark();");
        }

        // The provider has the first message once; the second waits behind it; the bystander is done.
        Assert.Equal(["first"], app.ArrivalsFor(victim));
        Assert.Equal(["hello"], app.ArrivalsFor(bystander));

        // Within the lease nothing is sent again, by this node or any other.
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(["first"], app.ArrivalsFor(victim));

        // The lease ends: the unmarked row is in doubt, so Twilio is asked what it has (once) and the row is marked
        // sent with that message's SID instead of being sent again; then the next in order; the marked rows not at all.
        var lookups = app.Lookups;
        app.Clock.Advance(app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.OutboxLease + TimeSpan.FromSeconds(1));
        await DrainAsync(app.Services);
        Assert.Equal(["first", "second"], app.ArrivalsFor(victim));
        Assert.Equal(["hello"], app.ArrivalsFor(bystander));
        Assert.Equal(lookups + 1, app.Lookups);
        await using var after = app.CreateDbContext();
        var rows = await after.OutboxMessages.AsNoTracking().Where(m => m.Address == victim).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Sent], rows.Select(r => r.Status));
        Assert.Equal([2, 1], rows.Select(r => r.Attempts));
        Assert.Equal([false, false], rows.Select(r => r.InDoubt));
        Assert.StartsWith("SM", rows[0].ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsLeasedByANodeThatIsGone_AreSentAtOnce_NotAfterTheLease_WhileALiveNodesAreLeftAlone()
    {
        // Two other nodes leased a row each, five minutes ahead; one is alive (its liveness lock held on its own
        // connection), the other was killed. Nobody's clock moves: only the lock decides.
        var aliveNodesCitizen = TwilioAppFactory.NewCitizen().E164;
        var deadNodesCitizen = TwilioAppFactory.NewCitizen().E164;
        const int AliveNode = 1_000_001, DeadNode = 1_000_002;
        await using var aliveNode = await HoldLivenessLockAsync(AliveNode);
        await using var deadNode = await HoldLivenessLockAsync(DeadNode);
        await using (var db = app.CreateDbContext())
        {
            var leaseEnd = app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5);
            foreach (var (to, text, node) in new[] { (aliveNodesCitizen, "alive node's", AliveNode), (deadNodesCitizen, "dead node's", DeadNode) })
            {
                var leased = Row(to, ConversationOf(to), text);
                (leased.NextAttemptAt, leased.Attempts, leased.ClaimedBy) = (leaseEnd, 1, node);
                db.OutboxMessages.Add(leased);
            }

            await db.SaveChangesAsync();
        }

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Empty(app.ArrivalsFor(deadNodesCitizen));

        // SIGKILL: the process's socket closes and PostgreSQL releases its session's locks.
        await deadNode.CloseAsync();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(["dead node's"], app.ArrivalsFor(deadNodesCitizen));
        Assert.Empty(app.ArrivalsFor(aliveNodesCitizen));
        await using var after = app.CreateDbContext();
        var sent = await after.OutboxMessages.AsNoTracking().SingleAsync(m => m.Address == deadNodesCitizen);
        Assert.Equal((OutboxStatus.Sent, 2, (int?)null, false), (sent.Status, sent.Attempts, sent.ClaimedBy, sent.InDoubt));
        var held = await after.OutboxMessages.AsNoTracking().SingleAsync(m => m.Address == aliveNodesCitizen);
        Assert.Equal((OutboxStatus.Pending, (int?)AliveNode), (held.Status, held.ClaimedBy));
        await after.OutboxMessages.Where(m => m.Id == held.Id).ExecuteDeleteAsync();
    }

    /// <summary>A node's liveness lock, on an unpooled connection of its own (closing it is the node dying).</summary>
    private async Task<Npgsql.NpgsqlConnection> HoldLivenessLockAsync(int node)
    {
        await using var db = app.CreateDbContext();
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({OutboxNodeLiveness.LockClass}, {node})", connection);
        await take.ExecuteNonQueryAsync();
        return connection;
    }

    internal static OutboxMessage Row(string to, Guid conversation, string text) => new()
    {
        Kind = OutboxKinds.Reply,
        Channel = ChannelIds.Sms,
        Address = to,
        ConversationId = conversation,
        Payload = OutboxPayload.Write("en", new Reply(text, [])),
        NextAttemptAt = Due,
        CreatedAt = Due,
    };

    /// <summary>One conversation per number (the outbox keeps order per conversation).</summary>
    internal static Guid ConversationOf(string to) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(to)).AsSpan(0, 16));

    /// <summary>Dispatches on one node until no row is pending anywhere (the other node may hold some).</summary>
    private static async Task DrainAsync(IServiceProvider node)
    {
        var dispatcher = node.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 400; i++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            using var scope = node.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicConnect.Data.CivicDbContext>();
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending))
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The outbox did not drain.");
    }
}
