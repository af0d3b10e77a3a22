using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// <see cref="IClassifierArtifacts"/> in the <c>trained_classifiers</c> table. A session advisory
/// lock on the key makes the build happen once across nodes. Storage trouble never stops a
/// classifier: without the database the model is built here and simply not kept.
/// </summary>
public sealed partial class PostgresClassifierArtifacts(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PostgresClassifierArtifacts> logger) : IClassifierArtifacts
{
    public EmbeddingClassifierModel Build(string key, Func<TrainedClassifier?, EmbeddingClassifierModel> build)
    {
        NpgsqlConnection connection;
        try
        {
            connection = dataSource.OpenConnection();
        }
        catch (Exception ex) when (IsStorageTrouble(ex))
        {
            LogUnavailable(logger, ex.Message);
            return build(null);
        }

        using (connection)
        {
            if (TryLoad(connection, key) is { } stored)
            {
                return build(stored);
            }

            var lockId = LockId(key);
            try
            {
                // Training takes far longer than a command's default 30 s: wait for the other node as long as a build may take.
                Execute(connection, "SELECT pg_advisory_lock(@id)", lockId, LockWaitSeconds);
            }
            catch (Exception ex) when (IsStorageTrouble(ex))
            {
                LogUnavailable(logger, ex.Message);
                return build(null);
            }

            try
            {
                // Another node may have built it while this one waited for the lock.
                if (TryLoad(connection, key) is { } built)
                {
                    return build(built);
                }

                var model = build(null);
                Save(connection, key, model.Export());
                return model;
            }
            finally
            {
                // The connection may be gone by now (the database restarted or was dropped): the session's lock went with it.
                try
                {
                    Execute(connection, "SELECT pg_advisory_unlock(@id)", lockId);
                }
                catch (Exception ex) when (IsStorageTrouble(ex))
                {
                    LogUnavailable(logger, ex.Message);
                }
            }
        }
    }

    private TrainedClassifier? TryLoad(NpgsqlConnection connection, string key)
    {
        try
        {
            using var command = new NpgsqlCommand("SELECT payload FROM trained_classifiers WHERE key = @key", connection);
            command.Parameters.AddWithValue("key", key);
            return command.ExecuteScalar() is byte[] bytes ? TrainedClassifier.FromBytes(bytes) : null;
        }
        catch (Exception ex) when (IsStorageTrouble(ex) || ex is EndOfStreamException)
        {
            LogUnavailable(logger, ex.Message);
            return null;
        }
    }

    private void Save(NpgsqlConnection connection, string key, TrainedClassifier trained)
    {
        try
        {
            using var command = new NpgsqlCommand("INSERT INTO trained_classifiers (key, payload, created_at) VALUES (@key, @payload, @at) ON CONFLICT (key) DO NOTHING", connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("payload", trained.ToBytes());
            command.Parameters.AddWithValue("at", clock.GetUtcNow());
            command.ExecuteNonQuery();
            LogSaved(logger, trained.Vectors.Length);
        }
        catch (Exception ex) when (IsStorageTrouble(ex))
        {
            LogUnavailable(logger, ex.Message);
        }
    }

    /// <summary>
    /// The database failing under us (unreachable, restarted, the connection closed): never a reason
    /// for the classifier to fail, since the built model is cached with whatever this throws.
    /// </summary>
    private static bool IsStorageTrouble(Exception ex) => ex is NpgsqlException or TimeoutException or InvalidOperationException or ObjectDisposedException;

    /// <summary>How long a node waits for another to finish building the same model before it builds its own.</summary>
    private const int LockWaitSeconds = 600;

    private static void Execute(NpgsqlConnection connection, string sql, long lockId, int timeoutSeconds = 30)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        command.Parameters.AddWithValue("id", lockId);
        command.ExecuteNonQuery();
    }

    /// <summary>The advisory lock of a key: its SHA-256's first eight bytes.</summary>
    private static long LockId(string key) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("classifier:" + key)), 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trained classifiers cannot be kept in the database now ({Reason}); this node builds its own")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained classifier kept for the other nodes ({Vectors} vectors)")]
    private static partial void LogSaved(ILogger logger, int vectors);
}
