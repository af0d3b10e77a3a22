using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Media;

/// <summary>
/// Fetches the photos of a conversation's unprocessed inbox messages that are still at the
/// provider, and writes the stored copies into those rows. It runs before the turn takes the
/// conversation's lock, so a media host that answers in 30 s (Twilio hangs up its webhook after
/// 15 s) delays that citizen's reply but holds no lock and loses nothing: the message was
/// committed when it arrived. A row is updated only if it still holds the references it was read
/// with; a node that loses that race deletes its copies.
/// </summary>
public sealed class PendingMedia(CivicDbContext db, IEnumerable<IProviderMedia> providers, IMediaStore store, IOptions<MediaOptions> options, ILogger<PendingMedia> logger)
{
    /// <summary>
    /// Whether any of these (already read) messages holds a photo still at the provider that this channel can fetch:
    /// the same test as <see cref="ResolveAsync"/>'s query (a url, no storedPath), so a turn asks the database only when it must.
    /// </summary>
    public bool AnyAtProvider(string channel, IEnumerable<Activity> activities) =>
        providers.Any(p => p.Handles(channel))
        && activities.Any(a => a.Attachments.Any(f => f.Url is not null && f.StoredPath is null));

    public async Task ResolveAsync(string channel, string address, CancellationToken cancellationToken)
    {
        var provider = providers.FirstOrDefault(p => p.Handles(channel));
        if (provider is null)
        {
            return;
        }

        // A turn calls this only when it read such a row (AnyAtProvider); the query still returns only rows
        // holding an attachment still at the provider (a url, no storedPath), as read now, not as the turn saw them.
        var rows = await db.Database.SqlQuery<PendingRow>($"""
            SELECT id AS "Id", payload::text AS "Payload"
            FROM inbox_messages
            WHERE channel = {channel} AND address = {address} AND processed_at IS NULL AND attempts < {InboxAttempts.Max}
              AND jsonb_path_exists(payload, '$.attachments[*] ? (exists(@.url) && !exists(@.storedPath))')
            ORDER BY id
            """).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var activity = JsonSerializer.Deserialize<Activity>(row.Payload, MessageJson.Options)!;
            var resolved = await FetchBoundedAsync(provider, activity, cancellationToken);
            var payload = JsonSerializer.Serialize(resolved, MessageJson.Options);
            var updated = await db.Database.ExecuteSqlAsync(
                $"UPDATE inbox_messages SET payload = {payload}::jsonb WHERE id = {row.Id} AND processed_at IS NULL AND payload = {row.Payload}::jsonb",
                CancellationToken.None);
            if (updated == 0)
            {
                // Another node stored this message's photos first: the copies made here are not needed.
                foreach (var copy in resolved.Attachments.Select(StoredMedia.Of).OfType<StoredMedia>())
                {
                    await store.DeleteAsync(copy, CancellationToken.None);
                }
            }
        }
    }

    /// <summary>However the provider stalls (a body that trickles in forever), the turn goes on after <see cref="MediaOptions.FetchTimeout"/> and says the photo could not be fetched.</summary>
    private async Task<Activity> FetchBoundedAsync(IProviderMedia provider, Activity activity, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.FetchTimeout);
        try
        {
            return await provider.FetchAsync(activity, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Fetching the photos of a message on {Channel} took longer than {Timeout}; the citizen is asked to send them again", activity.Channel, options.Value.FetchTimeout);
            return activity with { Attachments = [], MediaProblem = MediaProblem.Unavailable };
        }
    }

    private sealed record PendingRow(long Id, string Payload);
}
