using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.HandOffs;

/// <summary>The checks every hand-off action starts with (exists, same department, held by this agent) and the events every change ends with.</summary>
public sealed class HandOffAccess(CivicDbContext db, ILiveFeed live)
{
    /// <exception cref="HandOffRefusedException">404 when there is no such hand-off, 403 when it is another department's.</exception>
    public async Task<HandOff> LoadAsync(long id, HandOffAgent agent, CancellationToken cancellationToken)
    {
        var handOff = await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new HandOffRefusedException(HandOffRefusal.NotFound, $"Hand-off {id} does not exist.");
        return agent.Covers(handOff.DepartmentCode)
            ? handOff
            : throw new HandOffRefusedException(HandOffRefusal.Forbidden, $"Hand-off {id} belongs to another department.");
    }

    /// <exception cref="HandOffRefusedException">409 unless <paramref name="agent"/> holds it.</exception>
    public static void EnsureHeldBy(HandOff handOff, HandOffAgent agent)
    {
        if (handOff.Status != HandOffStatus.Held || handOff.HeldBy != agent.Name)
        {
            throw NotYours(handOff);
        }
    }

    /// <summary>The refusal for a hand-off someone else holds, or one already closed (409).</summary>
    public static HandOffRefusedException NotYours(HandOff handOff) => handOff.Status switch
    {
        HandOffStatus.Closed => new(HandOffRefusal.Conflict, $"Hand-off {handOff.Id} is closed."),
        HandOffStatus.Held => new(HandOffRefusal.Conflict, $"Hand-off {handOff.Id} is held by {handOff.HeldBy}."),
        _ => new(HandOffRefusal.Conflict, $"Hand-off {handOff.Id} is waiting: claim it first."),
    };

    /// <summary>Re-reads the hand-off after a conditional update matched nothing: someone else got there first.</summary>
    public async Task<HandOffRefusedException> RaceLostAsync(long id, CancellationToken cancellationToken)
    {
        var current = await db.HandOffs.AsNoTracking().SingleAsync(h => h.Id == id, cancellationToken);
        return NotYours(current);
    }

    /// <summary>Tells every agent's inbox (and this hand-off's open page) on commit.</summary>
    public async Task PublishAsync(HandOff handOff, bool inbox, CancellationToken cancellationToken)
    {
        var payload = Channels.Turns.HandOffTurns.HandOffEvent(handOff);
        if (inbox)
        {
            await live.PublishAsync(db, LiveTopics.HandOffs, payload, cancellationToken);
        }

        await live.PublishAsync(db, LiveTopics.HandOff(handOff.Id), payload, cancellationToken);
    }
}
