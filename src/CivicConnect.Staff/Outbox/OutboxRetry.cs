using System.Globalization;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Staff.Outbox;

/// <summary>
/// Sends a failed message again once its cause is fixed: the row goes back to the queue with fresh
/// attempts. Only a Failed row moves (a concurrent retry, or a row already sent, changes nothing),
/// never to a citizen who opted out. Open failed-messages pages hear of it on the live feed.
/// </summary>
public sealed partial class OutboxRetry(CivicDbContext db, OutboxSignal signal, ILiveFeed live, TimeProvider clock, ILogger<OutboxRetry> logger)
{
    public async Task<OutboxRetryResult> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var result = await MoveAsync(id, cancellationToken);
        if (result.Outcome == OutboxRetryOutcome.Queued)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>Each row on its own: one that cannot be retried does not hold back the others.</summary>
    public async Task<IReadOnlyList<OutboxRetryResult>> RetryAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var results = new List<OutboxRetryResult>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            results.Add(await MoveAsync(id, cancellationToken));
        }

        if (results.Any(r => r.Outcome == OutboxRetryOutcome.Queued))
        {
            signal.Notify();
        }

        return results;
    }

    private async Task<OutboxRetryResult> MoveAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Status, m.ConversationId }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new OutboxRetryResult(id, OutboxRetryOutcome.NotFound);
        }

        if (row.ConversationId is { } conversationId && await db.Conversations.AnyAsync(c => c.Id == conversationId && c.OptedOut, cancellationToken))
        {
            return new OutboxRetryResult(id, OutboxRetryOutcome.OptedOut, row.Status);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (moved == 0)
        {
            return new OutboxRetryResult(id, OutboxRetryOutcome.NotFailed, row.Status == OutboxStatus.Failed ? OutboxStatus.Pending : row.Status);
        }

        await live.PublishAsync(db, LiveTopics.Outbox, string.Create(CultureInfo.InvariantCulture, $$"""{"outboxId":{{id}},"status":"Pending"}"""), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogQueued(logger, id);
        return new OutboxRetryResult(id, OutboxRetryOutcome.Queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} queued again by a supervisor")]
    private static partial void LogQueued(ILogger logger, long id);
}
