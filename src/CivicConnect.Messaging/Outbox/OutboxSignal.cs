using System.Threading.Channels;

namespace CivicConnect.Messaging.Outbox;

/// <summary>Wakes the dispatcher right after a turn commits, so replies go out without waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => signal.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> (on <paramref name="clock"/>) passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var delay = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(delay.Token, cancellationToken);
        try
        {
            await signal.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: poll anyway (other nodes may have written rows).
        }
    }
}
