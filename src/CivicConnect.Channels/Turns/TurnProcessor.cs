using System.Text.Json;
using CivicConnect.Channels.Media;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Telemetry;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Data.UnitOfWork;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Inbox;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Channels.Turns;

/// <summary>
/// Runs the dialog for a conversation's unprocessed inbox messages, oldest first, in one
/// transaction: new state, issue changes, replies (as outbox rows) and "inbox done" commit
/// together or not at all.
/// </summary>
public sealed class TurnProcessor(
    CivicDbContext db,
    ConversationLocker locker,
    PendingMedia media,
    DialogEngine engine,
    OptOutNotices optOutNotices,
    IOutbox outbox,
    HandOffTurns handOffs,
    OutboxSignal outboxSignal,
    AfterCommit afterCommit,
    TimeProvider clock,
    ILogger<TurnProcessor> logger) : ITurnRunner
{
    /// <summary>What the first pass of a turn returns when it must fetch photos before it can run.</summary>
    private const int PhotosAtProvider = -1;

    /// <returns>The number of messages processed.</returns>
    public async Task<int> ProcessPendingAsync(string channel, string address, bool skipLocked, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessOnOneConnectionAsync(channel, address, skipLocked, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> ProcessOnOneConnectionAsync(string channel, string address, bool skipLocked, CancellationToken cancellationToken)
    {
        using var span = CivicTelemetry.Start("turn");
        span?.SetTag("civic.channel", channel);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        int processed;
        long? failedMessage = null;
        try
        {
            // One connection for the whole turn: otherwise each statement outside the transaction (and the steps
            // after the commit) rents one from the pool, and PostgreSQL resets it (DISCARD ALL) every time.
            await db.Database.OpenConnectionAsync(cancellationToken);
            processed = await ProcessInTransactionAsync(channel, address, skipLocked, photosFetched: false, id => failedMessage = id, cancellationToken);
            if (processed == PhotosAtProvider)
            {
                // Photos still at the provider are fetched outside the conversation's lock, then the turn runs
                // again from the start (rows re-read). A text-only turn never pays a query to find that out.
                db.ChangeTracker.Clear();
                await media.ResolveAsync(channel, address, cancellationToken);
                processed = await ProcessInTransactionAsync(channel, address, skipLocked, photosFetched: true, id => failedMessage = id, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            afterCommit.Discard();
            db.ChangeTracker.Clear();
            logger.LogError(ex, "Turn failed on {Channel} conversation {Address}; the sweeper will retry", channel, address);
            if (failedMessage is { } id)
            {
                await RecordFailureAsync(id, ex, cancellationToken);
            }

            return 0;
        }

        // Committed (or nothing to do): what the turn's steps queued for after the commit runs now.
        await afterCommit.RunAsync(CancellationToken.None);
        if (processed > 0)
        {
            outboxSignal.Notify();
            var channelTag = new KeyValuePair<string, object?>("channel", channel);
            CivicTelemetry.Turns.Add(processed, channelTag);
            CivicTelemetry.TurnDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, channelTag);
            span?.SetTag("civic.messages", processed);
        }

        return processed;
    }

    /// <param name="photosFetched">False on the first pass: if a pending message's photos are still at the provider, nothing is done and <see cref="PhotosAtProvider"/> returned (the transaction rolls back).</param>
    private async Task<int> ProcessInTransactionAsync(string channel, string address, bool skipLocked, bool photosFetched, Action<long> current, CancellationToken cancellationToken)
    {
        await locker.EnsureExistsAsync(channel, address, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await locker.LockAsync(channel, address, skipLocked, cancellationToken);
        if (conversation is null)
        {
            return 0;
        }

        var pending = await db.InboxMessages
            .Where(m => m.Channel == channel && m.Address == address && m.ProcessedAt == null && m.Attempts < InboxAttempts.Max)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var activities = pending.Select(m => JsonSerializer.Deserialize<Activity>(m.Payload, MessageJson.Options)!).ToList();
        if (!photosFetched && media.AnyAtProvider(channel, activities))
        {
            return PhotosAtProvider;
        }

        var state = ConversationStateSerializer.Read(conversation.State, conversation.StateSchemaVersion);
        var now = clock.GetUtcNow();
        await handOffs.LoadAsync(conversation.Id, cancellationToken);
        foreach (var (message, activity) in pending.Zip(activities))
        {
            current(message.Id);
            message.Attempts++;
            message.ProcessedAt = now;
            if (HandleCarrierKeyword(conversation, activity) is { } optedOut)
            {
                if (!ChannelIds.ProviderConfirmsOptOut(channel))
                {
                    outbox.Enqueue(OutboxKinds.OptOutNotice, channel, address, conversation.Id, state.Locale ?? conversation.Locale, optOutNotices.Notice(optedOut, state.Locale ?? conversation.Locale, channel), now);
                }

                continue;
            }

            // While an agent holds the conversation the bot answers only "status" and language switches.
            var context = new TurnContext(conversation.Id, activity, state);
            var result = handOffs.Held ? await engine.RunWhileHeldAsync(context, cancellationToken) : await engine.RunAsync(context, cancellationToken);
            await handOffs.RecordAsync(conversation, message.Id, activity, result, now, cancellationToken);
            if (result is null)
            {
                continue;
            }

            state = result.State;
            conversation.Locale = result.Locale;
            conversation.HandOffRequested |= result.HandOffRequested;
            foreach (var reply in result.Replies)
            {
                outbox.Enqueue(OutboxKinds.Reply, channel, address, conversation.Id, result.Locale, reply, now);
            }
        }

        conversation.State = ConversationStateSerializer.Write(state);
        conversation.StateSchemaVersion = state.SchemaVersion;
        conversation.LastActivityAt = now;
        // No savepoint around the save: a failed save abandons the turn's whole transaction anyway, so the savepoint
        // EF makes inside a transaction it did not start (SAVEPOINT, then RELEASE) would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }

        await handOffs.PublishAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>
    /// STOP, CANCEL, END … and START on SMS/WhatsApp are the carrier's words: the citizen is opted
    /// out (or back in) and the dialog never sees them. Twilio sends its own confirmation; on the
    /// WhatsApp Cloud API the caller sends ours.
    /// </summary>
    /// <returns>Null when the message is no such keyword; otherwise whether the citizen is now opted out.</returns>
    private static bool? HandleCarrierKeyword(ConversationRecord conversation, Activity activity)
    {
        if (!ChannelIds.HasCarrierKeywords(activity.Channel))
        {
            return null;
        }

        if (CarrierKeywords.IsOptOut(activity.Text))
        {
            conversation.OptedOut = true;
            return true;
        }

        if (conversation.OptedOut && CarrierKeywords.IsOptIn(activity.Text))
        {
            conversation.OptedOut = false;
            return false;
        }

        return null;
    }

    private async Task RecordFailureAsync(long inboxId, Exception error, CancellationToken cancellationToken)
    {
        var message = error.Message.Length > 1900 ? error.Message[..1900] : error.Message;
        await db.InboxMessages.Where(m => m.Id == inboxId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, message), cancellationToken);
    }
}
