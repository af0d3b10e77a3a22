using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Messaging.Turns;

/// <summary>
/// Runs queued turns, <see cref="MessagingOptions.TurnWorkers"/> at a time. Two workers given the
/// same conversation are serialised by the conversation lock; the second finds nothing left.
/// </summary>
public sealed class TurnWorkers(TurnQueue queue, IServiceScopeFactory scopes, IOptions<MessagingOptions> options, ILogger<TurnWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Turns == TurnTiming.Queued
            ? Task.WhenAll(Enumerable.Range(0, options.Value.TurnWorkers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)))
            : Task.CompletedTask;

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var conversation in queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(conversation, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is committed and left to the sweeper of any node.
        }
    }

    private async Task RunAsync(ConversationKey conversation, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var turns = scope.ServiceProvider.GetRequiredService<ITurnRunner>();
            await turns.ProcessPendingAsync(conversation.Channel, conversation.Address, skipLocked: false, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // ProcessPendingAsync records its own failures; this is a scope or connection failure.
            logger.LogError(ex, "Queued turn failed on {Channel}; the sweeper will retry", conversation.Channel);
        }
    }
}
