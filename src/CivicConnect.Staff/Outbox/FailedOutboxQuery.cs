using System.Text.Json;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Logging;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Outbox;

/// <summary>
/// Messages the outbox gave up on, for supervisors (the console's failed-messages page and
/// <c>GET /admin/outbox/failed</c>): newest first, paged by id, addresses masked.
/// </summary>
public sealed class FailedOutboxQuery(CivicDbContext db, ProviderCircuits circuits)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<FailedOutboxPage> ListAsync(FailedOutboxFilter filter, long? before, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        var query = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed);
        if (before is { } last)
        {
            query = query.Where(m => m.Id < last);
        }

        if (!string.IsNullOrWhiteSpace(filter.Channel))
        {
            query = query.Where(m => m.Channel == filter.Channel);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(m => m.Kind == filter.Kind);
        }

        if (filter.Since is { } since)
        {
            query = query.Where(m => m.CreatedAt >= since);
        }

        var rows = await query
            .OrderByDescending(m => m.Id)
            .Take(take)
            .Select(m => new { m.Id, m.Kind, m.Channel, m.Address, m.ConversationId, m.Attempts, m.LastError, m.ProviderStatus, m.CreatedAt, m.Payload })
            .ToListAsync(cancellationToken);

        // Phone numbers are masked like in the logs: enough to recognise a case, not to harvest numbers.
        var items = rows.Select(m => new FailedOutboxMessage(
            m.Id, m.Kind, m.Channel, PiiMask.Mask(m.Address), m.ConversationId, m.Attempts, m.LastError is null ? null : PiiMask.Mask(m.LastError), m.ProviderStatus, m.CreatedAt, Preview(m.Payload))).ToList();
        return new FailedOutboxPage(items, items.Count == take ? items[^1].Id : null, circuits.Open);
    }

    /// <summary>The channels that have failed rows now (the page's filter offers only these).</summary>
    public async Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed).Select(m => m.Channel).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

    private static string? Preview(string payload)
    {
        try
        {
            // An event has no reply text: its body (type, subject first) says what it was.
            var read = OutboxPayload.Read(payload);
            var text = read.Body?.Text ?? read.Reply.Text;
            return text is { Length: > 120 } ? text[..117] + "…" : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
