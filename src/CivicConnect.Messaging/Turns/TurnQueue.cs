using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CivicConnect.Messaging.Turns;

/// <summary>
/// Conversations with a freshly committed inbox message, waiting for a <see cref="TurnWorkers"/>
/// worker on this node. Losing an entry (queue full, node stopping) loses nothing: the message is
/// in the inbox and the sweeper finishes it.
/// </summary>
public sealed class TurnQueue(IOptions<MessagingOptions> options)
{
    private readonly Channel<ConversationKey> queue = Channel.CreateBounded<ConversationKey>(
        new BoundedChannelOptions(options.Value.TurnQueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <returns>False when the queue is full and the sweeper will have to do it.</returns>
    public bool TryEnqueue(string channel, string address) => queue.Writer.TryWrite(new ConversationKey(channel, address));

    public IAsyncEnumerable<ConversationKey> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);
}

public readonly record struct ConversationKey(string Channel, string Address);
