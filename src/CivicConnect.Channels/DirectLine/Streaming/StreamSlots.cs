using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Streaming;

/// <summary>
/// Counts the open WebSocket streams of each conversation on this node, so one token cannot hold
/// an unbounded number of sockets (each one a subscription and a periodic transcript read).
/// </summary>
internal sealed class StreamSlots(IOptions<DirectLineOptions> options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream ends, or null when the conversation already has its maximum open.</summary>
    public IDisposable? TryTake(string conversationId)
    {
        var max = options.Value.MaxStreamsPerConversation;
        while (true)
        {
            var current = open.GetOrAdd(conversationId, 0);
            if (current >= max)
            {
                return null;
            }

            if (open.TryUpdate(conversationId, current + 1, current))
            {
                return new Slot(this, conversationId);
            }
        }
    }

    private void Release(string conversationId)
    {
        while (open.TryGetValue(conversationId, out var current))
        {
            if (current <= 1
                ? open.TryRemove(new KeyValuePair<string, int>(conversationId, current))
                : open.TryUpdate(conversationId, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(StreamSlots slots, string conversationId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slots.Release(conversationId);
            }
        }
    }
}
