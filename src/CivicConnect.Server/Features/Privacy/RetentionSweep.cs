using System.Text.Json;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Privacy;

/// <summary>
/// Removes raw personal data older than <see cref="RetentionOptions"/> allows: processed inbox
/// messages, finished outbox messages, web-chat transcripts and the lines of closed hand-offs after
/// <see cref="RetentionOptions.RawMessages"/>; the photos of drafts abandoned for
/// <see cref="RetentionOptions.AbandonedDraftPhotos"/> (never attached to a report). Reports and
/// their history are public records and are not touched. Idempotent, so every node may run it.
/// </summary>
public sealed class RetentionSweep(CivicDbContext db, IMediaStore media, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger)
{
    /// <summary>Photos looked at per sweep, so one sweep stays short; the next picks up the rest.</summary>
    private const int PhotoBatch = 500;

    public async Task<RetentionFigures> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var photos = await RemoveAbandonedDraftPhotosAsync(now - settings.AbandonedDraftPhotos, cancellationToken);

        var before = now - settings.RawMessages;
        var inbox = await db.InboxMessages.Where(m => m.ProcessedAt != null && m.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
        var outbox = await db.OutboxMessages.Where(m => m.Status != OutboxStatus.Pending && m.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        var transcript = await db.DirectLineActivities.Where(a => a.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        var handOffLines = await db.HandOffLines.Where(l => l.At < before && db.HandOffs.Any(h => h.Id == l.HandOffId && h.ClosedAt != null)).ExecuteDeleteAsync(cancellationToken);

        var figures = new RetentionFigures(inbox, outbox, transcript, handOffLines, photos);
        if (figures.Total > 0)
        {
            logger.LogInformation("Retention removed {Inbox} inbox, {Outbox} outbox, {Transcript} transcript and {HandOffLines} hand-off row(s) and {Photos} abandoned draft photo(s)", inbox, outbox, transcript, handOffLines, photos);
        }

        return figures;
    }

    /// <summary>
    /// A photo is abandoned when the message that brought it is older than the limit, its
    /// conversation has been idle as long, and no report holds it. The file goes first, then the
    /// message forgets it, so a crash in between only repeats a delete.
    /// </summary>
    private async Task<int> RemoveAbandonedDraftPhotosAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<PhotoRow>($"""
            SELECT m.id AS "Id", m.payload::text AS "Payload"
            FROM inbox_messages m
            JOIN conversations c ON c.channel = m.channel AND c.address = m.address
            WHERE m.processed_at IS NOT NULL AND m.received_at < {before} AND c.last_activity_at < {before}
              AND jsonb_path_exists(m.payload, '$.attachments[*].storedPath')
            ORDER BY m.id
            LIMIT {PhotoBatch}
            """).ToListAsync(cancellationToken);

        var removed = 0;
        foreach (var row in rows)
        {
            var activity = JsonSerializer.Deserialize<Activity>(row.Payload, MessageJson.Options)!;
            var paths = activity.Attachments.Where(a => a.StoredPath is not null).Select(a => a.StoredPath!).ToList();
            var kept = await db.IssueMedia.Where(m => paths.Contains(m.StoredPath)).Select(m => m.StoredPath).ToListAsync(cancellationToken);
            foreach (var photo in activity.Attachments.Select(StoredMedia.Of).OfType<StoredMedia>().Where(m => !kept.Contains(m.Path)))
            {
                await media.DeleteAsync(photo, cancellationToken);
                removed++;
            }

            // Filed photos belong to their report now; the message keeps no reference either way.
            var forgotten = JsonSerializer.Serialize(activity with { Attachments = [.. activity.Attachments.Where(a => a.StoredPath is null)] }, MessageJson.Options);
            await db.Database.ExecuteSqlAsync($"UPDATE inbox_messages SET payload = {forgotten}::jsonb WHERE id = {row.Id}", cancellationToken);
        }

        return removed;
    }

    private sealed record PhotoRow(long Id, string Payload);
}

/// <summary>What one sweep removed.</summary>
public sealed record RetentionFigures(int Inbox, int Outbox, int Transcript, int HandOffLines, int Photos)
{
    public int Total => Inbox + Outbox + Transcript + HandOffLines + Photos;
}
