using CivicConnect.Core.Telemetry;
using System.Collections.Concurrent;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// Sends outbox rows through the sender of their channel, many at once. A node claims due rows in
/// one short statement (FOR UPDATE SKIP LOCKED, so several nodes never claim the same row) by
/// leasing them: their <c>next_attempt_at</c> moves to the end of the lease and their attempt count
/// goes up. Each row is then sent on its channel's lane (bounded concurrency, optional per-number
/// rate) and marked in its own short statement right after the provider answers, guarded by the
/// lease, so a node that lost a lease never overwrites the node that took it over.
///
/// Order: only the oldest pending row of a conversation (or of an order key: one report's events
/// to one subscriber) is eligible, and a claimed row stays
/// pending until it is marked, so two rows of one conversation are never in flight at once, on
/// any node; the next waits for the previous to be marked (a notification held back for quiet hours
/// does not count: replies to a citizen who writes at night still go out). A citizen's update by
/// browser push, app push or e-mail keeps order only with its own channel: a push service that is
/// down never holds up the chat replies of the same conversation, nor they it.
///
/// A claimed row carries its node's key (<see cref="OutboxNodeLiveness"/>): when that node dies, its
/// liveness lock goes with it and the other nodes (or the node itself, restarted under a new key) give
/// its claimed rows back at once rather than after the lease. A row claimed again without having been marked
/// (its node died, or its lease ended) is in doubt, as is one whose call timed out: the provider may have it.
/// Neither Twilio nor Meta takes an idempotency key, so the sender is told (<see cref="OutboundMessage.InDoubtSince"/>)
/// and Twilio's looks up what it already sent before sending; WhatsApp Cloud, which has no lookup, sends again
/// (at least once). Only the rows in flight at the crash are affected, never a whole claimed batch. Failures back off
/// exponentially (or as the provider's Retry-After says) and end as Failed after a bounded number
/// of attempts — never silently dropped.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxNodeLiveness liveness,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The channels a conversation's status updates also go on, outside the conversation itself.</summary>
    private static readonly string[] UpdateChannels = [ChannelIds.WebPush, ChannelIds.Fcm, ChannelIds.Mail];

    private readonly ConcurrentDictionary<string, ChannelLane> lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, Task> inFlightRows = new();
    private int claiming;
    private long nextReclaimAt;

    /// <summary>Rows this node has claimed and not yet marked.</summary>
    public int InFlight => inFlightRows.Count;

    public override void Dispose()
    {
        foreach (var lane in lanes.Values)
        {
            lane.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A pipeline rather than batches: a slow send never holds up the claiming of the next rows,
        // and a finished send frees its slot (and its conversation's next row) at once.
        var inFlight = new List<Task>();
        Task? wake = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var room = options.Value.OutboxClaimLimit - inFlight.Count;
                if (room > 0)
                {
                    try
                    {
                        inFlight.AddRange(await ClaimAndStartAsync(room, stoppingToken));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "Outbox dispatch failed");
                    }
                }

                wake ??= signal.WaitAsync(options.Value.OutboxPollInterval, clock, stoppingToken);
                await Task.WhenAny([.. inFlight, wake]);
                inFlight.RemoveAll(t => t.IsCompleted);
                if (wake.IsCompleted)
                {
                    wake = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        // Sends already at the provider finish and are marked; rows still waiting for a lane were released.
        await Task.WhenAll(inFlight);
    }

    /// <summary>
    /// Claims what is due (up to <see cref="MessagingOptions.OutboxClaimLimit"/>) and sends it all,
    /// in parallel; returns once those rows, and any this node's background loop had in flight, are marked.
    /// </summary>
    /// <returns>How many rows this call claimed.</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var sends = await ClaimAndStartAsync(options.Value.OutboxClaimLimit, cancellationToken);
        await Task.WhenAll(sends);

        // Rows the background loop claimed meanwhile are leased (not due), so a caller that checks
        // for due rows afterwards would not see them: wait for those too.
        while (Volatile.Read(ref claiming) > 0 || !inFlightRows.IsEmpty)
        {
            await Task.WhenAll([.. inFlightRows.Values]);
            if (Volatile.Read(ref claiming) > 0)
            {
                await Task.Delay(5, cancellationToken);
            }
        }

        return sends.Count;
    }

    private async Task<List<Task>> ClaimAndStartAsync(int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref claiming);
        try
        {
            return await ClaimAndStartCoreAsync(limit, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref claiming);
        }
    }

    private async Task<List<Task>> ClaimAndStartCoreAsync(int limit, CancellationToken cancellationToken)
    {
        List<OutboxMessage> claimed;
        List<Guid> optedOut;
        if (!await liveness.WaitHeldAsync(TimeSpan.FromSeconds(5), cancellationToken))
        {
            // Without its liveness lock this node's claims would look like a dead node's to the others.
            return [];
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
            var now = clock.GetUtcNow();
            var leaseEnd = now + options.Value.OutboxLease;
            await GiveBackDeadNodesRowsAsync(db, now, cancellationToken);

            // One statement, so the claim commits at once; the RETURNING values (lease end as stored) fence the mark.
            var node = liveness.NodeKey;
            claimed = await db.OutboxMessages.FromSql(
                $"""
                UPDATE outbox_messages SET next_attempt_at = {leaseEnd}, attempts = attempts + 1, claimed_by = {node},
                    in_doubt = (in_doubt OR claimed_by IS NOT NULL)
                WHERE id IN (
                    SELECT o.id FROM outbox_messages o
                    WHERE o.status = 'Pending' AND o.next_attempt_at <= {now} AND (o.not_before IS NULL OR o.not_before <= {now})
                      AND NOT EXISTS (SELECT 1 FROM outbox_messages p
                                      WHERE p.conversation_id = o.conversation_id AND p.status = 'Pending' AND p.id < o.id
                                        AND (p.not_before IS NULL OR p.not_before <= {now})
                                        AND (p.channel = o.channel OR NOT (p.channel = ANY({UpdateChannels}) OR o.channel = ANY({UpdateChannels}))))
                      AND NOT EXISTS (SELECT 1 FROM outbox_messages k
                                      WHERE k.order_key = o.order_key AND k.status = 'Pending' AND k.id < o.id)
                    ORDER BY o.id
                    LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                return [];
            }

            var conversations = claimed.Where(r => r.ConversationId is not null).Select(r => r.ConversationId!.Value).Distinct().ToList();
            optedOut = conversations.Count == 0
                ? []
                : await db.Conversations.AsNoTracking()
                    .Where(c => c.OptedOut && conversations.Contains(c.Id))
                    .Select(c => c.Id)
                    .ToListAsync(cancellationToken);
        }

        var sends = new List<Task>(claimed.Count);
        foreach (var row in claimed.OrderBy(r => r.Id))
        {
            var suppressed = row.ConversationId is { } id && optedOut.Contains(id) && row.Kind != OutboxKinds.OptOutNotice;
            var send = SendClaimedAsync(row, suppressed, cancellationToken);
            inFlightRows[row.Id] = send;
            sends.Add(ForgetWhenDone(row.Id, send));
        }

        return sends;
    }

    /// <summary>
    /// Rows still leased by a node whose liveness lock is gone (killed, or this node before a restart) are due
    /// again now; their attempt stays counted. At most every <see cref="MessagingOptions.OutboxDeadNodeCheck"/>: one indexed statement.
    /// A late mark from the "dead" node cannot land, since the mark is fenced on the lease it claimed.
    /// </summary>
    private async Task GiveBackDeadNodesRowsAsync(CivicDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tick = Environment.TickCount64;
        if (tick < Interlocked.Read(ref nextReclaimAt))
        {
            return;
        }

        Interlocked.Exchange(ref nextReclaimAt, tick + (long)options.Value.OutboxDeadNodeCheck.TotalMilliseconds);
        var given = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE outbox_messages SET next_attempt_at = {now}, claimed_by = NULL, in_doubt = true
            WHERE status = 'Pending' AND claimed_by IS NOT NULL AND claimed_by <> {liveness.NodeKey} AND next_attempt_at > {now}
              AND NOT EXISTS (SELECT 1 FROM pg_locks l
                              WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                AND l.classid = {OutboxNodeLiveness.LockClass}::oid AND l.objid = outbox_messages.claimed_by::oid)
            """,
            cancellationToken);
        if (given > 0)
        {
            logger.LogWarning("{Count} outbox message(s) claimed by a node that is gone are due again", given);
        }
    }

    private async Task ForgetWhenDone(long id, Task send)
    {
        await send;

        // Only this send's entry: the same row may be in flight again under a newer claim (its lease ended).
        inFlightRows.TryRemove(KeyValuePair.Create(id, send));
    }

    /// <summary>Sends one claimed row on its lane and marks it. Never throws: a failure is logged and the lease brings the row back.</summary>
    private async Task SendClaimedAsync(OutboxMessage row, bool optedOut, CancellationToken cancellationToken)
    {
        var lease = row.NextAttemptAt;
        using var span = CivicTelemetry.Start("outbox.send", System.Diagnostics.ActivityKind.Producer);
        span?.SetTag("civic.channel", row.Channel);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (optedOut)
            {
                // Not attempted: the claim's attempt is given back, as before parallel sending.
                row.Attempts--;
                MarkFailed(row, "the citizen opted out of messages");
            }
            else
            {
                var senders = scope.ServiceProvider.GetServices<IChannelSender>().ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
                if (!senders.TryGetValue(row.Channel, out var sender))
                {
                    row.Attempts--;
                    MarkFailed(row, $"channel '{row.Channel}' is not configured on this node");
                }
                else
                {
                    IDisposable slot;
                    try
                    {
                        slot = await Lane(row.Channel).EnterAsync(cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Stopping before the provider saw it: give the row back at once, with its attempt.
                        row.Attempts--;
                        row.NextAttemptAt = clock.GetUtcNow();
                        await MarkAsync(scope, row, lease);
                        return;
                    }

                    using (slot)
                    {
                        // Once at the provider, the call finishes even while stopping: a cancelled call may still have been accepted.
                        await SendAsync(row, sender, senders, scope.ServiceProvider.GetService<IDeliveryWindow>(), clock.GetUtcNow(), CancellationToken.None);
                    }
                }
            }

            await MarkAsync(scope, row, lease);
            RecordOutcome(row);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Outbox message {Id} on {Channel} could not be sent or marked; it is tried again when its lease ends at {LeaseEnd}", row.Id, row.Channel, lease);
        }
    }

    /// <summary>Counts the send by channel and outcome; a sent row's lag is from its writing to the provider's acceptance.</summary>
    private static void RecordOutcome(OutboxMessage row)
    {
        var outcome = row.Status switch
        {
            OutboxStatus.Sent => "sent",
            OutboxStatus.Failed => "failed",
            _ => "retry",
        };
        CivicTelemetry.OutboxSends.Add(1, new KeyValuePair<string, object?>("channel", row.Channel), new KeyValuePair<string, object?>("outcome", outcome));
        if (row.Status == OutboxStatus.Sent && row.SentAt is { } sentAt)
        {
            CivicTelemetry.OutboxLag.Record((sentAt - row.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("channel", row.Channel));
        }
    }

    /// <summary>Writes the outcome of one row in its own statement, only while this node still holds its lease.</summary>
    private async Task MarkAsync(AsyncServiceScope scope, OutboxMessage row, DateTimeOffset lease)
    {
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var marked = await db.OutboxMessages
            .Where(m => m.Id == row.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt == lease)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Status, row.Status)
                    .SetProperty(m => m.ClaimedBy, (int?)null)
                    .SetProperty(m => m.InDoubt, row.InDoubt)
                    .SetProperty(m => m.Attempts, row.Attempts)
                    .SetProperty(m => m.NextAttemptAt, row.NextAttemptAt)
                    .SetProperty(m => m.SentAt, row.SentAt)
                    .SetProperty(m => m.ProviderMessageId, row.ProviderMessageId)
                    .SetProperty(m => m.LastError, row.LastError)
                    .SetProperty(m => m.Route, row.Route)
                    .SetProperty(m => m.Channel, row.Channel)
                    .SetProperty(m => m.Address, row.Address),
                CancellationToken.None);
        if (marked == 0)
        {
            logger.LogWarning("Outbox message {Id}: its lease ended before it was marked (another node has it now)", row.Id);
            return;
        }

        // Open failed-messages pages reload.
        if (row.Status == OutboxStatus.Failed && scope.ServiceProvider.GetService<ILiveFeed>() is { } live)
        {
            await live.PublishAsync(db, LiveTopics.Outbox, """{"failed":1}""", CancellationToken.None);
        }
    }

    private ChannelLane Lane(string channel) =>
        lanes.GetOrAdd(channel, c =>
        {
            var o = options.Value;
            var limits = o.OutboxChannels.GetValueOrDefault(c);
            return new ChannelLane(limits?.Concurrency ?? o.OutboxConcurrency, limits?.SendsPerSecond ?? o.OutboxSendsPerSecond, clock);
        });

    private async Task SendAsync(OutboxMessage row, IChannelSender sender, Dictionary<string, IChannelSender> senders, IDeliveryWindow? window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SendOutcome outcome;
        try
        {
            var payload = OutboxPayload.Read(row.Payload);
            MessageTemplate? template = null;
            if (window is not null && window.Applies(row.Channel))
            {
                var closed = row.Route == DeliveryReports.WindowClosedRoute;
                (sender, template) = await RouteAsync(row, sender, senders, window, payload, now, closed, cancellationToken);
                if (row.Status == OutboxStatus.Failed)
                {
                    return;
                }
            }

            outcome = await sender.SendAsync(Outbound(row, payload, template), cancellationToken);

            // The provider knows the window better than our inbox does (a message may have come in elsewhere): route once more.
            if (outcome.WindowClosed && template is null && window is not null && window.Applies(row.Channel))
            {
                (sender, template) = await RouteAsync(row, sender, senders, window, payload, now, closed: true, cancellationToken);
                if (row.Status == OutboxStatus.Failed)
                {
                    return;
                }

                outcome = await sender.SendAsync(Outbound(row, payload, template), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An unexpected failure says nothing of whether the provider got the message.
            outcome = SendOutcome.Failure(ex.Message) with { MayHaveReachedProvider = true };
        }

        // Doubt ends only with a send: a later attempt's plain failure says nothing of the earlier one.
        row.InDoubt = !outcome.Sent && (row.InDoubt || outcome.MayHaveReachedProvider);
        if (outcome.Sent)
        {
            row.Status = OutboxStatus.Sent;
            row.SentAt = now;
            row.ProviderMessageId = outcome.ProviderMessageId;
            row.LastError = null;
            return;
        }

        row.LastError = outcome.Error is { Length: > 1900 } error ? error[..1900] : outcome.Error;
        if (outcome.NotAttempted)
        {
            // An outage must not use up a message's attempts: it waits for the circuit to try again.
            row.Attempts--;
            row.NextAttemptAt = now + options.Value.ProviderBreakDuration;
            return;
        }

        if (outcome.Permanent || row.Attempts >= options.Value.OutboxMaxAttempts)
        {
            MarkFailed(row, row.LastError ?? "failed");
            return;
        }

        // Exponential back-off with jitter, or exactly what the provider asked for.
        var backoff = outcome.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, row.Attempts)) * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        row.NextAttemptAt = now + backoff;
        logger.LogWarning("Outbox message {Id} on {Channel} failed (attempt {Attempt}); retrying in {Delay}: {Error}", row.Id, row.Channel, row.Attempts, backoff, row.LastError);
    }

    private static OutboundMessage Outbound(OutboxMessage row, OutboxPayload payload, MessageTemplate? template) =>
        new(row.Id, row.Kind, row.Channel, row.Address, row.ConversationId, payload.Locale, payload.Reply, template, payload.Body)
        {
            InDoubtSince = row.InDoubt ? row.CreatedAt : null,
        };

    /// <summary>Applies the channel's delivery window (WhatsApp's 24 hours) to the row: template, SMS instead, or not sent (then the row is Failed).</summary>
    private async Task<(IChannelSender Sender, MessageTemplate? Template)> RouteAsync(
        OutboxMessage row, IChannelSender sender, Dictionary<string, IChannelSender> senders, IDeliveryWindow window, OutboxPayload payload, DateTimeOffset now, bool closed, CancellationToken cancellationToken)
    {
        var route = await window.ChooseAsync(row, payload, now, closed, cancellationToken);
        switch (route)
        {
            case WindowRoute.Template template:
                row.Route = "template:" + template.Value.Id;
                return (sender, template.Value);
            case WindowRoute.Sms sms when senders.TryGetValue(ChannelIds.Sms, out var smsSender):
                row.Route = $"sms-fallback (from {row.Channel})";
                row.Channel = smsSender.Channel;
                row.Address = sms.Number;
                return (smsSender, null);
            case WindowRoute.NotSent notSent:
                row.Route = "not-sent";
                MarkFailed(row, notSent.Reason);
                return (sender, null);
            default:
                return (sender, null);
        }
    }

    private void MarkFailed(OutboxMessage row, string reason)
    {
        row.Status = OutboxStatus.Failed;
        row.LastError = reason;
        logger.LogError("Outbox message {Id} on {Channel} failed for good: {Reason}", row.Id, row.Channel, reason);
    }
}
