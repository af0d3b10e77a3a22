using System.Globalization;
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
/// Sends outbox rows through the sender of their channel. Rows are claimed with
/// FOR UPDATE SKIP LOCKED (several nodes, each row once) and only the oldest pending row of a
/// conversation is eligible, so a citizen's messages arrive in order (a notification held back for
/// quiet hours does not count: replies to a citizen who writes at night still go out). Failures back off
/// exponentially (or as the provider's Retry-After says) and end as Failed after a bounded number
/// of attempts — never silently dropped.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken) > 0)
                {
                    // Keep going while there is work.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch failed");
            }

            await signal.WaitAsync(options.Value.OutboxPollInterval, clock, stoppingToken);
        }
    }

    /// <returns>How many rows were attempted.</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var senders = scope.ServiceProvider.GetServices<IChannelSender>().ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        var window = scope.ServiceProvider.GetService<IDeliveryWindow>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.OutboxMessages.FromSql(
            $"""
            SELECT o.* FROM outbox_messages o
            WHERE o.status = 'Pending' AND o.next_attempt_at <= {now} AND (o.not_before IS NULL OR o.not_before <= {now})
              AND NOT EXISTS (SELECT 1 FROM outbox_messages p
                              WHERE p.conversation_id = o.conversation_id AND p.status = 'Pending' AND p.id < o.id
                                AND (p.not_before IS NULL OR p.not_before <= {now}))
            ORDER BY o.id
            LIMIT 50
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var optedOut = await db.Conversations.AsNoTracking()
            .Where(c => c.OptedOut && batch.Select(b => b.ConversationId).Contains(c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

        foreach (var row in batch)
        {
            if (row.ConversationId is { } conversationId && optedOut.Contains(conversationId))
            {
                MarkFailed(row, "the citizen opted out of messages");
                continue;
            }

            if (!senders.TryGetValue(row.Channel, out var sender))
            {
                MarkFailed(row, $"channel '{row.Channel}' is not configured on this node");
                continue;
            }

            await SendAsync(row, sender, senders, window, now, cancellationToken);
        }

        // Open failed-messages pages reload; the event commits with the rows (batch rows were all Pending).
        var failed = batch.Count(r => r.Status == OutboxStatus.Failed);
        if (failed > 0 && scope.ServiceProvider.GetService<ILiveFeed>() is { } live)
        {
            await live.PublishAsync(db, LiveTopics.Outbox, string.Create(CultureInfo.InvariantCulture, $$"""{"failed":{{failed}}}"""), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task SendAsync(OutboxMessage row, IChannelSender sender, Dictionary<string, IChannelSender> senders, IDeliveryWindow? window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.Attempts++;
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

            outcome = await sender.SendAsync(new OutboundMessage(row.Id, row.Kind, row.Channel, row.Address, row.ConversationId, payload.Locale, payload.Reply, template), cancellationToken);

            // The provider knows the window better than our inbox does (a message may have come in elsewhere): route once more.
            if (outcome.WindowClosed && template is null && window is not null && window.Applies(row.Channel))
            {
                (sender, template) = await RouteAsync(row, sender, senders, window, payload, now, closed: true, cancellationToken);
                if (row.Status == OutboxStatus.Failed)
                {
                    return;
                }

                outcome = await sender.SendAsync(new OutboundMessage(row.Id, row.Kind, row.Channel, row.Address, row.ConversationId, payload.Locale, payload.Reply, template), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = SendOutcome.Failure(ex.Message);
        }

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
