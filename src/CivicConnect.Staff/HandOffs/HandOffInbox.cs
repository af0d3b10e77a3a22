using System.Linq.Expressions;
using System.Text.Json;
using CivicConnect.Channels.Turns;
using CivicConnect.Core.Logging;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.HandOffs;

/// <summary>
/// What agents read: the open hand-offs they may answer, and one hand-off with its transcript and
/// the draft report. The console page and <c>GET /api/handoffs</c> both read through here.
/// </summary>
public sealed class HandOffInbox(CivicDbContext db)
{
    /// <summary>How much of the conversation before the hand-off the agent sees.</summary>
    private const int EarlierLines = 30;

    /// <summary>Waiting first (oldest request first: who has waited longest), then held.</summary>
    public async Task<IReadOnlyList<HandOffSummary>> ListAsync(HandOffAgent agent, CancellationToken cancellationToken)
    {
        var rows = await Visible(agent)
            .Where(h => h.Status != HandOffStatus.Closed)
            .OrderBy(h => h.Status == HandOffStatus.Waiting ? 0 : 1)
            .ThenBy(h => h.RequestedAt)
            .ThenBy(h => h.Id)
            .Select(ToRow)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <exception cref="HandOffRefusedException">Not found (404) or another department's (403).</exception>
    public async Task<HandOffDetail> GetAsync(long id, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var row = await db.HandOffs.AsNoTracking().Where(h => h.Id == id).Select(ToRow).SingleOrDefaultAsync(cancellationToken)
            ?? throw new HandOffRefusedException(HandOffRefusal.NotFound, $"Hand-off {id} does not exist.");
        if (!agent.Covers(row.Department))
        {
            throw new HandOffRefusedException(HandOffRefusal.Forbidden, $"Hand-off {id} belongs to another department.");
        }

        var lines = await db.HandOffLines.AsNoTracking().Where(l => l.HandOffId == id).OrderBy(l => l.Id)
            .Select(l => new TranscriptLine(l.Speaker.ToString().ToLowerInvariant(), l.Author, l.Text, l.At, false))
            .ToListAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == row.ConversationId, cancellationToken);
        var extra = await db.HandOffs.AsNoTracking().Where(h => h.Id == id)
            .Select(h => new { h.Outcome, h.ReferenceNumber, h.EarlierInboxId, h.EarlierOutboxId })
            .SingleAsync(cancellationToken);
        var earlier = await EarlierAsync(conversation, extra.EarlierInboxId ?? 0, extra.EarlierOutboxId ?? 0, cancellationToken);
        return new HandOffDetail(row.ToSummary(), extra.Outcome?.ToString().ToLowerInvariant(), extra.ReferenceNumber, [.. earlier, .. lines], await DraftAsync(conversation, cancellationToken));
    }

    private IQueryable<HandOff> Visible(HandOffAgent agent)
    {
        var all = db.HandOffs.AsNoTracking();
        if (agent.SeesAll)
        {
            return all;
        }

        // Department codes are upper case (ROADS, PARKS); a claim written otherwise still matches.
        var department = agent.Department?.ToUpperInvariant();
        return department is { Length: > 0 } ? all.Where(h => h.DepartmentCode == department) : all.Where(_ => false);
    }

    /// <summary>
    /// The citizen's messages (inbox) and the bot's replies (outbox) before the hand-off was asked
    /// for, oldest first; bounded by row ids, which the turn fixed when it opened the hand-off.
    /// </summary>
    private async Task<IReadOnlyList<TranscriptLine>> EarlierAsync(ConversationRecord conversation, long beforeInboxId, long upToOutboxId, CancellationToken cancellationToken)
    {
        var inbound = await db.InboxMessages.AsNoTracking()
            .Where(m => m.Channel == conversation.Channel && m.Address == conversation.Address && m.Id < beforeInboxId)
            .OrderByDescending(m => m.Id).Take(EarlierLines)
            .Select(m => new { m.Id, m.Payload, m.ReceivedAt })
            .ToListAsync(cancellationToken);
        var outbound = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Kind == OutboxKinds.Reply && m.Id <= upToOutboxId)
            .OrderByDescending(m => m.Id).Take(EarlierLines)
            .Select(m => new { m.Id, m.Payload, m.CreatedAt })
            .ToListAsync(cancellationToken);

        // A reply is written in the turn of the message it answers, so at equal times the citizen spoke first.
        var lines = inbound.Select(m => (Line: CitizenLine(m.Payload, m.ReceivedAt), Order: 0, m.Id))
            .Concat(outbound.Select(m => (Line: new TranscriptLine("bot", null, OutboxPayload.Read(m.Payload).Reply.Text, m.CreatedAt, true), Order: 1, m.Id)))
            .Where(l => l.Line.Text.Length > 0)
            .OrderBy(l => l.Line.At).ThenBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => l.Line)
            .ToList();
        return lines.Count <= EarlierLines ? lines : lines[^EarlierLines..];
    }

    private static TranscriptLine CitizenLine(string payload, DateTimeOffset at)
    {
        var activity = JsonSerializer.Deserialize<Activity>(payload, MessageJson.Options);
        var text = activity?.Text?.Trim() ?? string.Empty;
        if (activity is { Attachments.Count: > 0 })
        {
            text = $"{text} [{activity.Attachments.Count} photo(s)]".Trim();
        }

        return new TranscriptLine("citizen", null, text, at, true);
    }

    private async Task<DraftView?> DraftAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        var state = ConversationStateSerializer.Read(conversation.State, conversation.StateSchemaVersion);
        if (state.Draft is not { } draft)
        {
            return null;
        }

        var category = draft.CategoryCode is { } code
            ? (await db.ServiceCategories.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken))?.For(conversation.Locale)
            : null;
        var place = draft.Place;
        return new DraftView(
            draft.Description,
            draft.CategoryCode,
            category,
            place?.Label,
            place?.Latitude,
            place?.Longitude,
            place?.WardName,
            draft.Photos.Count,
            draft.Attributes,
            state.Awaiting);
    }

    private static readonly Expression<Func<HandOff, Row>> ToRow = h => new Row(
        h.Id,
        h.ConversationId,
        h.Channel,
        h.Address,
        h.Locale,
        h.DepartmentCode,
        h.Status,
        h.HeldBy,
        h.RequestedAt,
        h.ClaimedAt,
        h.LastMessageAt,
        h.Lines.Where(l => l.Speaker == HandOffSpeaker.Citizen).OrderByDescending(l => l.Id).Select(l => l.Text).FirstOrDefault());

    private sealed record Row(
        long Id,
        Guid ConversationId,
        string Channel,
        string Address,
        string Locale,
        string? Department,
        HandOffStatus Status,
        string? HeldBy,
        DateTimeOffset RequestedAt,
        DateTimeOffset? ClaimedAt,
        DateTimeOffset LastMessageAt,
        string? Preview)
    {
        public HandOffSummary ToSummary() =>
            new(Id, Channel, MaskAddress(Channel, Address), Locale, Department, Status.ToString().ToLowerInvariant(), HeldBy, RequestedAt, ClaimedAt, LastMessageAt, Preview);

        private static string MaskAddress(string channel, string address) =>
            channel is ChannelIds.Sms or ChannelIds.WhatsApp or ChannelIds.WhatsAppCloud ? PiiMask.Mask(address) : "…" + address[^Math.Min(4, address.Length)..];
    }
}
