using System.Collections.Concurrent;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Messaging.Live;

/// <summary>
/// Publishes with <c>pg_notify</c> on one channel (<see cref="Channel"/>) and hands what the node's
/// listener (<see cref="LiveFeedListener"/>) hears to the in-process subscribers of its topic.
/// </summary>
public sealed class PostgresLiveFeed(ILogger<PostgresLiveFeed> logger) : ILiveFeed
{
    /// <summary>The one PostgreSQL notification channel; the topic travels in the payload.</summary>
    public const string Channel = "civic_live";

    /// <summary>NOTIFY payloads must stay under 8000 bytes; events carry ids, so this is generous.</summary>
    private const int MaxPayloadChars = 3000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<LiveEvent, Task>>> subscribers = new(StringComparer.Ordinal);

    public async Task PublishAsync(CivicDbContext db, string topic, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (topic.Contains('\n', StringComparison.Ordinal) || payload.Length > MaxPayloadChars)
        {
            throw new ArgumentException("A live event's topic is one line and its payload a few ids.", nameof(payload));
        }

        var message = topic + "\n" + payload;
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {message})", cancellationToken);
    }

    public IDisposable Subscribe(string topic, Func<LiveEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(topic, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(topic, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Called by the listener for each notification this node hears.</summary>
    internal async Task DeliverAsync(string message)
    {
        var split = message.IndexOf('\n', StringComparison.Ordinal);
        if (split <= 0)
        {
            return;
        }

        var live = new LiveEvent(message[..split], message[(split + 1)..]);
        if (!subscribers.TryGetValue(live.Topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler(live);
            }
            catch (Exception ex)
            {
                // One closed page must not stop the others hearing the event.
                logger.LogWarning(ex, "A live-feed subscriber of {Topic} failed", live.Topic);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
