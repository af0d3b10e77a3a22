using Npgsql;
using NpgsqlTypes;

namespace CivicConnect.Channels.DirectLine.Transcript;

/// <summary>
/// The Direct Line transcript in PostgreSQL: what each conversation's clients can read back.
/// Every append NOTIFYs channel <see cref="NotifyChannel"/> with the conversation id, so streams on
/// any node wake up. A singleton over the data source (not the scoped DbContext) because streams
/// read it for as long as a socket stays open, outside any request scope.
/// </summary>
public sealed class DirectLineTranscript(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string NotifyChannel = "directline";

    /// <summary>Creates the conversation if it is new; records the user id the first time one is known.</summary>
    /// <returns>True when the conversation was created by this call.</returns>
    public async Task<bool> EnsureConversationAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO direct_line_conversations (id, user_id, created_at) VALUES (@id, @user, @now)
            ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id
                WHERE direct_line_conversations.user_id IS NULL AND EXCLUDED.user_id IS NOT NULL
            RETURNING (xmax = 0)
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.Add(new NpgsqlParameter("user", NpgsqlDbType.Varchar) { Value = (object?)userId ?? DBNull.Value });
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The conversation's user id; <see cref="ConversationLookup.Missing"/> when the conversation does not exist.</summary>
    public async Task<ConversationLookup> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id FROM direct_line_conversations WHERE id = @id");
        command.Parameters.AddWithValue("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ConversationLookup(true, reader.IsDBNull(0) ? null : reader.GetString(0))
            : ConversationLookup.Missing;
    }

    /// <summary>
    /// The user's latest conversation that began after <paramref name="startedAfter"/> (one still
    /// open for tokens); null when there is none. Served by the (user_id, created_at) index.
    /// </summary>
    public async Task<OpenConversation?> FindLatestConversationAsync(string userId, DateTimeOffset startedAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, created_at FROM direct_line_conversations
            WHERE user_id = @user AND created_at > @after
            ORDER BY created_at DESC
            LIMIT 1
            """);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("after", startedAfter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OpenConversation(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    /// <summary>
    /// Binds a conversation to a citizen key's user id (<see cref="Auth.CitizenKeys"/>), replacing
    /// whatever id a client named; a conversation already bound to another key stays as it is.
    /// </summary>
    public async Task<BindOutcome> BindToKeyAsync(string conversationId, string keyUserId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH bound AS (
                UPDATE direct_line_conversations SET user_id = @user
                WHERE id = @id AND (user_id IS NULL OR NOT starts_with(user_id, @prefix) OR user_id = @user)
                RETURNING 1)
            SELECT CASE
                WHEN EXISTS (SELECT 1 FROM bound) THEN 0
                WHEN EXISTS (SELECT 1 FROM direct_line_conversations WHERE id = @id) THEN 1
                ELSE 2 END
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("user", keyUserId);
        command.Parameters.AddWithValue("prefix", Auth.CitizenKeys.UserIdPrefix);
        return (BindOutcome)(int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Appends an activity unless one with the same <paramref name="activityId"/> exists (a client
    /// retry or a redelivered outbox row), and wakes the conversation's streams.
    /// </summary>
    public async Task<AppendOutcome> AppendAsync(string conversationId, string activityId, bool fromBot, string json, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Appends to one conversation take turns on its row, so ids (the watermark) are assigned
        // in commit order: a reader that has seen id N can never later miss an id below N.
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM direct_line_conversations WHERE id = @id FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("id", conversationId);
            if (await lockRow.ExecuteScalarAsync(cancellationToken) is null)
            {
                return AppendOutcome.NoConversation;
            }
        }

        long? id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO direct_line_activities (conversation_id, activity_id, from_bot, json, created_at)
            VALUES (@conversation, @activity, @fromBot, @json, @now)
            ON CONFLICT (activity_id) DO NOTHING
            RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("conversation", conversationId);
            insert.Parameters.AddWithValue("activity", activityId);
            insert.Parameters.AddWithValue("fromBot", fromBot);
            insert.Parameters.Add(new NpgsqlParameter("json", NpgsqlDbType.Jsonb) { Value = json });
            insert.Parameters.AddWithValue("now", clock.GetUtcNow());
            id = await insert.ExecuteScalarAsync(cancellationToken) as long?;
        }

        if (id is not null)
        {
            // Delivered to listeners when the transaction commits, never before the row is visible.
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @conversation)", connection, transaction);
            notify.Parameters.AddWithValue("channel", NotifyChannel);
            notify.Parameters.AddWithValue("conversation", conversationId);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id is { } inserted ? new AppendOutcome(AppendStatus.Appended, inserted) : new AppendOutcome(AppendStatus.AlreadyThere, null);
    }

    /// <summary>Activities after <paramref name="watermark"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, json::text FROM direct_line_activities
            WHERE conversation_id = @conversation AND id > @watermark
            ORDER BY id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("watermark", watermark);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry(reader.GetInt64(0), reader.GetString(1)));
        }

        return entries;
    }
}

public sealed record TranscriptEntry(long Id, string Json);

public sealed record OpenConversation(string Id, DateTimeOffset StartedAt);

public enum BindOutcome
{
    Bound = 0,
    BoundToAnotherKey = 1,
    NoConversation = 2,
}

public sealed record ConversationLookup(bool Exists, string? UserId)
{
    public static readonly ConversationLookup Missing = new(false, null);
}

public enum AppendStatus
{
    Appended,
    AlreadyThere,
    NoConversation,
}

public sealed record AppendOutcome(AppendStatus Status, long? Id)
{
    public static readonly AppendOutcome NoConversation = new(AppendStatus.NoConversation, null);
}
