using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Channels.Turns;

/// <summary>
/// One turn at a time per conversation, on any number of nodes: the conversation row is
/// created if new, then locked FOR UPDATE for the rest of the turn's transaction.
/// </summary>
/// <remarks>
/// The row is created before the turn's transaction, not inside it: an uncommitted insert of the
/// same key makes every other insert wait for that whole turn, which would stall a sweeper that
/// meant to skip a busy conversation (SKIP LOCKED does not apply to inserts).
/// </remarks>
public sealed class ConversationLocker(CivicDbContext db, TimeProvider clock)
{
    private const string EmptyState = "{}";

    /// <summary>Creates the conversation row if it is new; call outside the turn's transaction.</summary>
    public async Task EnsureExistsAsync(string channel, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO conversations (id, channel, address, state, state_schema_version, locale, opted_out, hand_off_requested, created_at, last_activity_at)
            VALUES ({Guid.CreateVersion7(now)}, {channel}, {address}, {EmptyState}::jsonb, 1, 'en', false, false, {now}, {now})
            ON CONFLICT (channel, address) DO NOTHING
            """,
            cancellationToken);
    }

    /// <param name="skipLocked">Sweepers pass true: a conversation busy on another node is simply skipped.</param>
    public async Task<ConversationRecord?> LockAsync(string channel, string address, bool skipLocked, CancellationToken cancellationToken)
    {
        var sql = skipLocked
            ? "SELECT *, xmin FROM conversations WHERE channel = {0} AND address = {1} FOR UPDATE SKIP LOCKED"
            : "SELECT *, xmin FROM conversations WHERE channel = {0} AND address = {1} FOR UPDATE";
        return await db.Conversations.FromSqlRaw(sql, channel, address).SingleOrDefaultAsync(cancellationToken);
    }
}
