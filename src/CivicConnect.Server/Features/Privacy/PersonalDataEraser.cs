using CivicConnect.Channels.Media;
using CivicConnect.Channels.Twilio;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Privacy;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Privacy;

/// <summary>
/// Erases a person's data on request (<c>civic erase</c> and <c>POST /api/admin/erasures</c>):
/// their contact on reports and Open311 requests, the raw messages they sent and were sent
/// (inbox, outbox, web-chat transcript, hand-off lines), their conversation state,
/// subscriptions and update targets (browser push subscriptions, app tokens, e-mail addresses),
/// and their photos. A report's public facts stay (category, place, ward, status,
/// history, dates), its description without phone numbers, e-mail addresses and links, with an
/// "erasure" line in its history; an <see cref="Erasure"/> row audits the whole. The database
/// changes commit together; files are removed after the commit, so a failure never leaves a
/// report pointing at a photo that is gone.
/// </summary>
public sealed class PersonalDataEraser(CivicDbContext db, IMediaStore media, IContactRedactor redactor, IOptions<TwilioOptions> twilio, TimeProvider clock, ILogger<PersonalDataEraser> logger)
{
    private static readonly string[] PhoneChannels = [ChannelIds.Sms, ChannelIds.WhatsApp, ChannelIds.WhatsAppCloud];

    /// <returns>What was removed, or null when nothing matches the subject.</returns>
    public async Task<ErasureResult?> EraseAsync(ErasureSubject subject, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (normalised, conversations, issues, open311) = await FindAsync(subject, cancellationToken);
        if (conversations.Count == 0 && issues.Count == 0 && open311.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var files = new List<StoredMedia>();
        var messages = await EraseConversationsAsync(conversations, files, cancellationToken);
        var photos = await EraseReportsAsync(issues, actor, now, files, cancellationToken);
        await db.Open311Requests.Where(r => open311.Contains(r.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Email, (string?)null).SetProperty(r => r.Phone, (string?)null)
            .SetProperty(r => r.FirstName, (string?)null).SetProperty(r => r.LastName, (string?)null)
            .SetProperty(r => r.DeviceId, (string?)null).SetProperty(r => r.AccountId, (string?)null), cancellationToken);

        var result = new ErasureResult(conversations.Count, issues.Count, messages, photos);
        db.Erasures.Add(new Erasure
        {
            Actor = actor.Length > 200 ? actor[..200] : actor,
            SubjectKind = subject.Kind.ToString().ToLowerInvariant(),
            SubjectHash = subject.Hash(normalised),
            Conversations = result.Conversations,
            Reports = result.Reports,
            Messages = result.Messages,
            Photos = result.Photos,
            ErasedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var file in files.DistinctBy(f => f.Path))
        {
            await media.DeleteAsync(file, CancellationToken.None);
        }

        logger.LogInformation("Erased personal data by request of {Actor}: {Conversations} conversation(s), {Reports} report(s), {Messages} message(s), {Photos} photo file(s)", actor, result.Conversations, result.Reports, result.Messages, files.Count);
        return result;
    }

    private async Task<(string Normalised, List<ConversationRecord> Conversations, List<long> Issues, List<long> Open311)> FindAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        switch (subject.Kind)
        {
            case ErasureSubjectKind.Phone:
            {
                var phone = E164.ToE164(subject.Value, twilio.Value.DefaultRegion) ?? throw new ErasureSubjectException("That is not a phone number.");
                var conversations = await db.Conversations.Where(c => PhoneChannels.Contains(c.Channel) && c.Address == phone).ToListAsync(cancellationToken);
                var ids = conversations.Select(c => (Guid?)c.Id).ToList();
                var open311 = await db.Open311Requests.Where(r => r.Phone == phone).Select(r => new { r.Id, r.IssueId }).ToListAsync(cancellationToken);
                var open311Issues = open311.Select(r => r.IssueId).ToList();
                var issues = await db.Issues.Where(i => i.ReporterPhone == phone || ids.Contains(i.ReporterConversationId) || open311Issues.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
                return (phone, conversations, issues, open311.Select(r => r.Id).ToList());
            }

            case ErasureSubjectKind.Conversation:
            {
                var value = subject.Value.Trim();
                var conversations = Guid.TryParse(value, out var id)
                    ? await db.Conversations.Where(c => c.Id == id).ToListAsync(cancellationToken)
                    : await db.Conversations.Where(c => c.Channel == ChannelIds.DirectLine && c.Address == value).ToListAsync(cancellationToken);
                var ids = conversations.Select(c => (Guid?)c.Id).ToList();
                var issues = await db.Issues.Where(i => ids.Contains(i.ReporterConversationId)).Select(i => i.Id).ToListAsync(cancellationToken);
                return (value, conversations, issues, []);
            }

            default:
            {
                if (!int.TryParse(subject.Value.Trim().TrimStart('#'), out var reference))
                {
                    throw new ErasureSubjectException("A report is named by its reference number.");
                }

                var issue = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => new { i.Id, i.ReporterConversationId }).SingleOrDefaultAsync(cancellationToken);
                if (issue is null)
                {
                    return (reference.ToString(System.Globalization.CultureInfo.InvariantCulture), [], [], []);
                }

                var conversations = await db.Conversations.Where(c => c.Id == issue.ReporterConversationId).ToListAsync(cancellationToken);
                var open311 = await db.Open311Requests.Where(r => r.IssueId == issue.Id).Select(r => r.Id).ToListAsync(cancellationToken);
                return (reference.ToString(System.Globalization.CultureInfo.InvariantCulture), conversations, [issue.Id], open311);
            }
        }
    }

    /// <returns>How many message rows (inbox, outbox, transcript, hand-off lines) were removed.</returns>
    private async Task<int> EraseConversationsAsync(List<ConversationRecord> conversations, List<StoredMedia> files, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var conversation in conversations)
        {
            // Locked like a turn locks it, so a turn in flight finishes first and none starts on the old address.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM conversations WHERE id = {conversation.Id} FOR UPDATE", cancellationToken);
            await db.Entry(conversation).ReloadAsync(cancellationToken);
            var inbox = db.InboxMessages.Where(m => m.Channel == conversation.Channel && m.Address == conversation.Address);
            foreach (var payload in await inbox.Select(m => m.Payload).ToListAsync(cancellationToken))
            {
                files.AddRange(StoredAttachments(payload));
            }

            removed += await inbox.ExecuteDeleteAsync(cancellationToken);
            removed += await db.OutboxMessages.Where(m => m.ConversationId == conversation.Id || (m.Channel == conversation.Channel && m.Address == conversation.Address)).ExecuteDeleteAsync(cancellationToken);
            if (conversation.Channel == ChannelIds.DirectLine)
            {
                removed += await db.DirectLineActivities.Where(a => a.ConversationId == conversation.Address).ExecuteDeleteAsync(cancellationToken);
                await db.DirectLineConversations.Where(c => c.Id == conversation.Address).ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, (string?)null), cancellationToken);
            }

            var handOffs = db.HandOffs.Where(h => h.ConversationId == conversation.Id);
            removed += await db.HandOffLines.Where(l => handOffs.Select(h => h.Id).Contains(l.HandOffId)).ExecuteDeleteAsync(cancellationToken);
            var erasedAddress = "erased:" + conversation.Id.ToString("N");
            await handOffs.ExecuteUpdateAsync(s => s.SetProperty(h => h.Address, erasedAddress), cancellationToken);
            await db.IssueSubscribers.Where(s => s.ConversationId == conversation.Id).ExecuteDeleteAsync(cancellationToken);
            await db.UpdateTargets.Where(t => t.ConversationId == conversation.Id).ExecuteDeleteAsync(cancellationToken);

            // The row stays (reports and hand-offs point at it) without an address or a draft; opted
            // out, so nothing is ever sent to it. The person writing again starts a new conversation.
            conversation.Address = erasedAddress;
            conversation.State = "{}";
            conversation.OptedOut = true;
            conversation.HandOffRequested = false;
        }

        return removed;
    }

    /// <returns>How many photos were removed from the reports.</returns>
    private async Task<int> EraseReportsAsync(List<long> issueIds, string actor, DateTimeOffset now, List<StoredMedia> files, CancellationToken cancellationToken)
    {
        var photos = 0;
        var issues = await db.Issues.Include(i => i.Media).Include(i => i.Events).Where(i => issueIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var region = twilio.Value.DefaultRegion;
        foreach (var issue in issues)
        {
            issue.ReporterName = null;
            issue.ReporterPhone = null;
            issue.ReporterEmail = null;
            issue.ReporterAddress = null;
            issue.ReporterConversationId = null;
            issue.Description = redactor.Redact(issue.Description, region);

            // The citizen's photos go; a field worker's photo of the work (a "photo" history line at the same instant) stays.
            var staffPhotoTimes = issue.Events.Where(e => e.Kind == IssueEventKinds.Photo).Select(e => e.OccurredAt).ToHashSet();
            foreach (var photo in issue.Media.Where(m => !staffPhotoTimes.Contains(m.CreatedAt)).ToList())
            {
                files.Add(new StoredMedia(photo.StoredPath, photo.ThumbnailPath, photo.ContentType, photo.SizeBytes, null, null));
                db.IssueMedia.Remove(photo);
                photos++;
            }

            issue.AddHistory(IssueEventKinds.Erasure, actor, "The reporter's personal data was erased on request.", isPublic: false, now);
            issue.UpdatedAt = now;
        }

        // The duplicate ranking's vector was read from the description as the citizen wrote it: it goes
        // with the text (the next ranking embeds the redacted one; a lost delete would only cost that).
        await db.IssueDescriptionVectors.Where(v => issueIds.Contains(v.IssueId)).ExecuteDeleteAsync(cancellationToken);
        return photos;
    }

    private static IEnumerable<StoredMedia> StoredAttachments(string payload)
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize<Activity>(payload, Messaging.MessageJson.Options);
        return activity?.Attachments.Select(StoredMedia.Of).OfType<StoredMedia>() ?? [];
    }
}
