using CivicConnect.Core.Messages;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Inbound;

/// <summary>
/// The stored-bytes quota of one web-chat or app conversation
/// (<see cref="DirectLineOptions.MaxStoredBytesPerConversation"/>): the citizen's activities in the
/// transcript plus the photos they uploaded. The rate limits bound how fast a free token can fill
/// the database; this bounds how much it can, whatever the pace.
/// </summary>
internal sealed class ConversationQuota(CivicDbContext db, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <returns>Null when <paramref name="incomingBytes"/> more fit; otherwise how long until the conversation ends and a new one may start.</returns>
    public async Task<TimeSpan?> RefusalAsync(string conversationId, long incomingBytes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stored = await db.Database.SqlQuery<long>($"""
            SELECT (SELECT coalesce(sum(octet_length(json::text)), 0) FROM direct_line_activities WHERE conversation_id = {conversationId} AND NOT from_bot)
                 + (SELECT coalesce(sum((a->>'sizeBytes')::bigint), 0)
                    FROM inbox_messages m, jsonb_array_elements(coalesce(m.payload->'attachments', '[]'::jsonb)) a
                    WHERE m.channel = {ChannelIds.DirectLine} AND m.address = {conversationId}) AS "Value"
            """).SingleAsync(cancellationToken);
        if (stored + incomingBytes <= settings.MaxStoredBytesPerConversation)
        {
            return null;
        }

        var createdAt = await db.DirectLineConversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => (DateTimeOffset?)c.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        var remaining = (createdAt ?? clock.GetUtcNow()) + settings.MaxConversationLifetime - clock.GetUtcNow();
        return remaining > TimeSpan.FromMinutes(1) ? remaining : TimeSpan.FromMinutes(1);
    }
}
