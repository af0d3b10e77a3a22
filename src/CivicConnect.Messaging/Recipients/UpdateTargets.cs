using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Messaging.Recipients;

/// <summary>
/// Where a web or app citizen's status updates go besides their chat: push subscriptions, FCM
/// tokens and e-mail addresses (<see cref="UpdateTarget"/>). The registration endpoints and the
/// dialog add them, the notifier reads them, the senders drop the ones a push service says are gone.
/// </summary>
public sealed class UpdateTargets(CivicDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds the target, or refreshes its keys when the same browser subscribes again. One statement,
    /// so it joins the caller's transaction when there is one (a turn) and commits at once otherwise.
    /// </summary>
    public async Task RegisterAsync(Guid conversationId, string kind, string address, string? p256dh = null, string? auth = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO update_targets (conversation_id, kind, address, p256dh, auth, created_at)
            VALUES ({conversationId}, {kind}, {address}, {p256dh}, {auth}, {now})
            ON CONFLICT (conversation_id, kind, address) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth
            """,
            cancellationToken);
    }

    /// <summary>The targets of these conversations, oldest first.</summary>
    public Task<List<UpdateTarget>> OfAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken) =>
        db.UpdateTargets.AsNoTracking().Where(t => conversationIds.Contains(t.ConversationId)).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public Task<UpdateTarget?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.UpdateTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Forgets a target the push service no longer knows (or the citizen withdrew).</summary>
    public Task<int> RemoveAsync(long id, CancellationToken cancellationToken) =>
        db.UpdateTargets.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Forgets a browser's subscription by its endpoint (the page unsubscribed).</summary>
    public Task<int> RemoveAsync(Guid conversationId, string kind, string address, CancellationToken cancellationToken) =>
        db.UpdateTargets.Where(t => t.ConversationId == conversationId && t.Kind == kind && t.Address == address).ExecuteDeleteAsync(cancellationToken);
}
