using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.HandOffs;

/// <summary>
/// What an agent does with a hand-off: claim it, write to the citizen, hand back to the bot, close
/// it. Each action is one transaction whose state change is conditional (status, holder), so two
/// agents racing for the same hand-off get one success and one 409, never two holders. Replies go
/// to the citizen's own channel through the outbox, in the same transaction as the transcript line.
/// </summary>
public sealed class HandOffDesk(CivicDbContext db, HandOffAccess access, HandOffWording wording, IOutbox outbox, OutboxSignal outboxSignal, TimeProvider clock)
{
    /// <summary>An SMS can carry about 1,600 characters over ten segments; longer is split badly or refused.</summary>
    public const int MaxMessageLength = 1600;

    /// <summary>
    /// Claims a waiting hand-off and tells the citizen, on their own channel and in their language, that a
    /// person is with them now (once: claiming one already yours is a no-op).
    /// </summary>
    public async Task ClaimAsync(long id, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var handOff = await access.LoadAsync(id, agent, cancellationToken);
        if (handOff.Status == HandOffStatus.Held && handOff.HeldBy == agent.Name)
        {
            return;
        }

        if (handOff.Status != HandOffStatus.Waiting)
        {
            throw HandOffAccess.NotYours(handOff);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.HandOffs.Where(h => h.Id == id && h.Status == HandOffStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandOffStatus.Held).SetProperty(h => h.HeldBy, agent.Name).SetProperty(h => h.ClaimedAt, now), cancellationToken);
        if (claimed == 0)
        {
            throw await access.RaceLostAsync(id, cancellationToken);
        }

        // In the claim's transaction: the citizen hears it exactly when the claim holds.
        var told = wording.Say(handOff.Locale, handOff.Channel, "handoff_claimed");
        db.HandOffLines.Add(new HandOffLine { HandOffId = id, Speaker = HandOffSpeaker.Bot, Text = told, At = now });
        outbox.Enqueue(OutboxKinds.Reply, handOff.Channel, handOff.Address, handOff.ConversationId, handOff.Locale, Reply.Plain(told), now);
        await db.SaveChangesAsync(cancellationToken);
        await access.PublishAsync(handOff, inbox: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
    }

    /// <summary>Sends <paramref name="text"/> to the citizen on their channel and adds it to the transcript.</summary>
    public async Task<SentLine> SendAsync(long id, string? text, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var words = text?.Trim() ?? string.Empty;
        if (words.Length == 0)
        {
            throw HandOffRefusedException.Invalid("text", "Type a message to send.");
        }

        if (words.Length > MaxMessageLength)
        {
            throw HandOffRefusedException.Invalid("text", $"A message is at most {MaxMessageLength} characters; this one has {words.Length}.");
        }

        var handOff = await access.LoadAsync(id, agent, cancellationToken);
        HandOffAccess.EnsureHeldBy(handOff, agent);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Still mine? The conditional update also locks the row, so a release cannot slip in before the commit.
        var mine = await db.HandOffs.Where(h => h.Id == id && h.Status == HandOffStatus.Held && h.HeldBy == agent.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastMessageAt, now), cancellationToken);
        if (mine == 0)
        {
            throw await access.RaceLostAsync(id, cancellationToken);
        }

        var line = new HandOffLine { HandOffId = id, Speaker = HandOffSpeaker.Agent, Author = agent.Name, Text = words, At = now };
        db.HandOffLines.Add(line);
        outbox.Enqueue(OutboxKinds.Reply, handOff.Channel, handOff.Address, handOff.ConversationId, handOff.Locale, Reply.Plain(words), now);
        await db.SaveChangesAsync(cancellationToken);
        await access.PublishAsync(handOff, inbox: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return new SentLine(line.Id, words, now);
    }

    /// <summary>Hands the conversation back to the bot with its draft as it was; the citizen is told.</summary>
    public async Task ReleaseAsync(long id, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var handOff = await access.LoadAsync(id, agent, cancellationToken);
        HandOffAccess.EnsureHeldBy(handOff, agent);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await db.HandOffs.Where(h => h.Id == id && h.Status == HandOffStatus.Held && h.HeldBy == agent.Name)
            .ExecuteUpdateAsync(
                s => s.SetProperty(h => h.Status, HandOffStatus.Closed).SetProperty(h => h.Outcome, HandOffOutcome.Released)
                    .SetProperty(h => h.ClosedAt, now).SetProperty(h => h.LastMessageAt, now),
                cancellationToken);
        if (released == 0)
        {
            throw await access.RaceLostAsync(id, cancellationToken);
        }

        var told = wording.Say(handOff.Locale, handOff.Channel, "handoff_released");
        db.HandOffLines.Add(new HandOffLine { HandOffId = id, Speaker = HandOffSpeaker.Bot, Text = told, At = now });
        outbox.Enqueue(OutboxKinds.Reply, handOff.Channel, handOff.Address, handOff.ConversationId, handOff.Locale, Reply.Plain(told), now);
        await db.SaveChangesAsync(cancellationToken);
        await access.PublishAsync(handOff, inbox: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
    }

    /// <summary>Closes a hand-off that needs nothing more (a waiting one, or one this agent holds); the bot answers the citizen again.</summary>
    public async Task CloseAsync(long id, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var handOff = await access.LoadAsync(id, agent, cancellationToken);
        if (handOff.Status == HandOffStatus.Held)
        {
            HandOffAccess.EnsureHeldBy(handOff, agent);
        }
        else if (handOff.Status == HandOffStatus.Closed)
        {
            throw HandOffAccess.NotYours(handOff);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await db.HandOffs
            .Where(h => h.Id == id && (h.Status == HandOffStatus.Waiting || (h.Status == HandOffStatus.Held && h.HeldBy == agent.Name)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(h => h.Status, HandOffStatus.Closed).SetProperty(h => h.Outcome, HandOffOutcome.Closed)
                    .SetProperty(h => h.HeldBy, agent.Name).SetProperty(h => h.ClosedAt, now),
                cancellationToken);
        if (closed == 0)
        {
            throw await access.RaceLostAsync(id, cancellationToken);
        }

        await access.PublishAsync(handOff, inbox: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
