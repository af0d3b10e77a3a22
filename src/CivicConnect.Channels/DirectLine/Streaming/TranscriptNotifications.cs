using System.Collections.Concurrent;
using System.Threading.Channels;
using CivicConnect.Channels.DirectLine.Transcript;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicConnect.Channels.DirectLine.Streaming;

/// <summary>
/// One LISTEN connection per node that wakes the streams of a conversation whenever any node
/// appends to its transcript. Streams still poll slowly, so a notification lost while the
/// listener reconnects costs latency, never a message.
/// </summary>
public sealed class TranscriptNotifications(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TranscriptNotifications> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<TranscriptSubscription, byte>> subscriptions = new(StringComparer.Ordinal);

    public TranscriptSubscription Subscribe(string conversationId)
    {
        var subscription = new TranscriptSubscription(this, conversationId);
        subscriptions.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    internal void Unsubscribe(TranscriptSubscription subscription)
    {
        if (subscriptions.TryGetValue(subscription.ConversationId, out var set))
        {
            set.TryRemove(subscription, out _);
            if (set.IsEmpty)
            {
                subscriptions.TryRemove(new KeyValuePair<string, ConcurrentDictionary<TranscriptSubscription, byte>>(subscription.ConversationId, set));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {DirectLineTranscript.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was appended while nobody listened: let every stream look once.
                WakeAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(ex, "Direct Line transcript listener lost its connection; streams fall back to polling until it is back");
                await Task.Delay(ReconnectDelay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Wake(string conversationId)
    {
        if (subscriptions.TryGetValue(conversationId, out var set))
        {
            foreach (var subscription in set.Keys)
            {
                subscription.Wake();
            }
        }
    }

    private void WakeAll()
    {
        foreach (var set in subscriptions.Values)
        {
            foreach (var subscription in set.Keys)
            {
                subscription.Wake();
            }
        }
    }
}

/// <summary>A stream's interest in one conversation. Wake-ups coalesce: many appends, one re-read.</summary>
public sealed class TranscriptSubscription : IDisposable
{
    private readonly TranscriptNotifications owner;
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal TranscriptSubscription(TranscriptNotifications owner, string conversationId)
    {
        this.owner = owner;
        ConversationId = conversationId;
    }

    public string ConversationId { get; }

    internal void Wake() => wakeUps.Writer.TryWrite(true);

    /// <summary>Completes at the next wake-up (at once if one came since the last wait).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await wakeUps.Reader.ReadAsync(cancellationToken);

    public void Dispose() => owner.Unsubscribe(this);
}
