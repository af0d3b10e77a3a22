using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicConnect.Messaging.Live;

/// <summary>
/// Holds one connection per node that LISTENs on the live channel and hands every notification to
/// <see cref="PostgresLiveFeed"/>. A dropped connection is re-opened after a short pause; events
/// published meanwhile are missed, which pages tolerate (they re-read on load and on reconnect).
/// </summary>
public sealed class LiveFeedListener(NpgsqlDataSource dataSource, PostgresLiveFeed feed, TimeProvider clock, ILogger<LiveFeedListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    /// <summary>Completes once the first LISTEN is in place (tests wait on it before publishing).</summary>
    public Task Listening => listening.Task;

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The live-feed listener lost its connection; reconnecting");
                try
                {
                    await Task.Delay(RetryPause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);

        // Npgsql raises Notification on the reading thread: queue it, and deliver in order from another task.
        var heard = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
        connection.Notification += (_, e) => heard.Writer.TryWrite(e.Payload);
        var delivering = Task.Run(
            async () =>
            {
                await foreach (var message in heard.Reader.ReadAllAsync(CancellationToken.None))
                {
                    await feed.DeliverAsync(message);
                }
            },
            CancellationToken.None);
        try
        {
            await ListenUntilStoppedAsync(connection, stoppingToken);
        }
        finally
        {
            heard.Writer.TryComplete();
            await delivering;
        }
    }

    private async Task ListenUntilStoppedAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLiveFeed.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        listening.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }
}
