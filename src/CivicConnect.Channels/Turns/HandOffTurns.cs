using System.Globalization;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Channels.Turns;

/// <summary>
/// The hand-off side of a turn, in the turn's transaction: opens a hand-off when the citizen asks
/// for a person (never a second while one is open), writes what is said while one is open into its
/// transcript, and tells the agents' pages through the live feed (delivered on commit). Scoped: one
/// per turn, loaded after the conversation is locked.
/// </summary>
public sealed class HandOffTurns(CivicDbContext db, ILiveFeed live)
{
    /// <summary>Long enough for any message; the transcript is for reading, not an archive of payloads.</summary>
    private const int MaxLineLength = 4000;

    private HandOff? open;
    private bool opened;
    private bool linesAdded;

    /// <summary>True while an agent holds the conversation: the bot stays out.</summary>
    public bool Held => open?.Status == HandOffStatus.Held;

    /// <summary>Loads the conversation's open hand-off, locked until the turn commits, so a claim waits for the turn.</summary>
    public async Task LoadAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        open = await db.HandOffs
            .FromSql($"SELECT *, xmin FROM hand_offs WHERE conversation_id = {conversationId} AND status <> 'Closed' FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        opened = false;
        linesAdded = false;
    }

    /// <summary>
    /// After one message: opens a hand-off if this turn asked for a person, then writes the
    /// citizen's message and whatever the bot answered into the open hand-off's transcript.
    /// </summary>
    /// <param name="inboxId">The inbox row of <paramref name="activity"/>: the conversation before it is the agent's "earlier".</param>
    /// <param name="result">Null when the bot stayed out (the message is for the agent).</param>
    public async Task RecordAsync(ConversationRecord conversation, long inboxId, Activity activity, TurnResult? result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (open is null && result is { HandOffRequested: true })
        {
            open = new HandOff
            {
                ConversationId = conversation.Id,
                Channel = conversation.Channel,
                Address = conversation.Address,
                Locale = result.Locale,
                EarlierInboxId = inboxId,
                EarlierOutboxId = await db.OutboxMessages.Where(m => m.ConversationId == conversation.Id).MaxAsync(m => (long?)m.Id, cancellationToken),
                RequestedAt = now,
                LastMessageAt = now,
            };
            db.HandOffs.Add(open);
            opened = true;
        }

        if (open is null)
        {
            return;
        }

        if (result is not null)
        {
            open.Locale = result.Locale;
        }

        if (open.DepartmentCode is null && result?.State.Draft?.CategoryCode is { } category)
        {
            open.DepartmentCode = await DepartmentOfAsync(category, cancellationToken);
        }

        if (CitizenLine(activity) is { } said)
        {
            Add(HandOffSpeaker.Citizen, said, now);
        }

        foreach (var reply in result?.Replies ?? [])
        {
            Add(HandOffSpeaker.Bot, reply.Card is null ? reply.Text : $"{reply.Text}\n{reply.Card.Title}\n{string.Join("\n", reply.Card.Lines)}", now);
        }
    }

    /// <summary>Call after SaveChanges and before the commit: the events go out only if the turn commits.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (open is null)
        {
            return;
        }

        if (opened)
        {
            await live.PublishAsync(db, LiveTopics.HandOffs, HandOffEvent(open), cancellationToken);
        }

        if (linesAdded)
        {
            await live.PublishAsync(db, LiveTopics.HandOff(open.Id), HandOffEvent(open), cancellationToken);
        }
    }

    /// <summary><c>{"handOffId":…,"department":…}</c>: ids only; pages re-read what they show.</summary>
    public static string HandOffEvent(HandOff handOff) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"handOffId":{{handOff.Id}},"department":{{System.Text.Json.JsonSerializer.Serialize(handOff.DepartmentCode)}}}""");

    private void Add(HandOffSpeaker speaker, string text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        open!.Lines.Add(new HandOffLine { Speaker = speaker, Text = text.Length <= MaxLineLength ? text : text[..MaxLineLength], At = now });
        open.LastMessageAt = now;
        linesAdded = true;
    }

    /// <summary>What the agent reads for a citizen's message: the words, and a note of a photo or a shared pin.</summary>
    private static string? CitizenLine(Activity activity)
    {
        if (activity.Kind != ActivityKind.Message)
        {
            return null;
        }

        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            parts.Add(activity.Text.Trim());
        }

        if (activity.Attachments.Count > 0)
        {
            parts.Add($"[{activity.Attachments.Count} photo(s)]");
        }

        if (activity.Location is { } pin)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"[pin {pin.Latitude:0.#####}, {pin.Longitude:0.#####}]"));
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private Task<string?> DepartmentOfAsync(string categoryCode, CancellationToken cancellationToken) =>
        db.ServiceCategories.AsNoTracking()
            .Where(c => c.Code == categoryCode)
            .Select(c => c.Department!.Code)
            .FirstOrDefaultAsync(cancellationToken);
}
