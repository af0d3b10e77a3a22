using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Messaging.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Messaging.Inbox;

/// <summary>
/// Commits the activity to the inbox first (a provider retry of the same message id is a
/// no-op), then hands the turn on (<see cref="MessagingOptions.Turns"/>). If the turn fails or
/// the process dies in between, the inbox row is still there and the sweeper finishes it.
/// </summary>
public sealed class Inbound(CivicDbContext db, ITurnRunner turns, TurnQueue queue, IOptions<MessagingOptions> options, TimeProvider clock) : IInbound
{
    public async Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity = NulCharacters.Remove(activity);
        var payload = JsonSerializer.Serialize(activity, MessageJson.Options);
        var now = clock.GetUtcNow();
        var inserted = await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO inbox_messages (channel, provider_message_id, address, payload, received_at, attempts)
            VALUES ({activity.Channel}, {activity.Id}, {activity.Address}, {payload}::jsonb, {now}, 0)
            ON CONFLICT (channel, provider_message_id) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);

        if (inserted.Count == 0)
        {
            var existing = await db.InboxMessages.AsNoTracking()
                .Where(m => m.Channel == activity.Channel && m.ProviderMessageId == activity.Id)
                .Select(m => m.Id)
                .SingleAsync(cancellationToken);
            return new InboundAcceptance(existing, Duplicate: true);
        }

        switch (options.Value.Turns)
        {
            case TurnTiming.Queued:
                queue.TryEnqueue(activity.Channel, activity.Address);
                break;
            case TurnTiming.InRequest:
                // Cancellation of the webhook request must not abandon a committed message halfway.
                await turns.ProcessPendingAsync(activity.Channel, activity.Address, skipLocked: false, CancellationToken.None);
                break;
            case TurnTiming.SweeperOnly:
                break;
        }

        return new InboundAcceptance(inserted[0], Duplicate: false);
    }

    public Task<bool> IsKnownAsync(string channel, string providerMessageId, CancellationToken cancellationToken) =>
        db.InboxMessages.AsNoTracking().AnyAsync(m => m.Channel == channel && m.ProviderMessageId == providerMessageId, cancellationToken);
}
