using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// This node's "still alive", which other nodes can check without heartbeats: a session-level advisory
/// lock on (<see cref="LockClass"/>, <see cref="NodeKey"/>) held on a connection of its own for the
/// node's lifetime. PostgreSQL drops the lock the moment the process dies (the kernel closes its socket,
/// the backend ends), so rows a killed node had claimed go back to the others at once
/// (<see cref="OutboxDispatcher"/>) instead of after the whole lease. The key is new for every process:
/// a restarted node's own old claims count as a dead node's.
/// </summary>
public sealed class OutboxNodeLiveness(NpgsqlDataSource dataSource, ILogger<OutboxNodeLiveness> logger) : BackgroundService
{
    /// <summary>The first key of every node's lock (the second is the node's): "outbox" in no particular code.</summary>
    public const int LockClass = 0x0B0C_5E1D;

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private volatile TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Written into <c>claimed_by</c> of the rows this node claims.</summary>
    public int NodeKey { get; } = RandomNumberGenerator.GetInt32(1, int.MaxValue);

    /// <summary>
    /// Waits (at most <paramref name="patience"/>) until the lock is held. A node must not claim rows while it
    /// is not: another node would take them for a dead node's and send them too.
    /// </summary>
    public async Task<bool> WaitHeldAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var task = held.Task;
        if (task.IsCompleted)
        {
            return true;
        }

        try
        {
            await task.WaitAsync(patience, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", connection))
                {
                    take.Parameters.Add(new NpgsqlParameter { Value = LockClass });
                    take.Parameters.Add(new NpgsqlParameter { Value = NodeKey });
                    await take.ExecuteNonQueryAsync(stoppingToken);
                }

                held.TrySetResult();

                // A connection cut by a database restart is noticed here, and the lock taken again on a new one.
                while (!stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(CheckEvery, stoppingToken);
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (held.Task.IsCompleted)
                {
                    held = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                logger.LogWarning("The outbox's liveness lock was lost ({Reason}); taking it again", ex.GetBaseException().Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
