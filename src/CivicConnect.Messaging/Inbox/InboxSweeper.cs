using CivicConnect.Core.Telemetry;
using CivicConnect.Data;
using CivicConnect.Messaging.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Messaging.Inbox;

/// <summary>
/// Finishes what a crash left behind: conversations with inbox messages older than the grace
/// period and still unprocessed. Safe on several nodes: a conversation locked elsewhere is skipped.
/// </summary>
public sealed class InboxSweeper(IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<InboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inbox sweep failed");
            }

            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.SweepGrace;
        CivicTelemetry.ReportInboxBacklog(await db.InboxMessages.CountAsync(m => m.ProcessedAt == null && m.Attempts < InboxAttempts.Max, cancellationToken));
        var conversations = await db.InboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.ReceivedAt <= cutoff && m.Attempts < InboxAttempts.Max)
            .GroupBy(m => new { m.Channel, m.Address })
            .Select(g => new { g.Key.Channel, g.Key.Address, First = g.Min(m => m.Id) })
            .OrderBy(g => g.First)
            .Take(100)
            .ToListAsync(cancellationToken);

        var processed = 0;
        foreach (var conversation in conversations)
        {
            await using var turnScope = scopes.CreateAsyncScope();
            var turns = turnScope.ServiceProvider.GetRequiredService<ITurnRunner>();
            processed += await turns.ProcessPendingAsync(conversation.Channel, conversation.Address, skipLocked: true, cancellationToken);
        }

        if (processed > 0)
        {
            logger.LogWarning("Inbox sweeper completed {Count} message(s) the fast path had not", processed);
        }

        return processed;
    }
}
