namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// One channel's share of the provider: at most <c>concurrency</c> calls in flight and, when a
/// rate is set, calls started no closer together than 1/rate (the provider's per-number limit;
/// keeping to it ourselves avoids 429s that would cost a row an attempt).
/// </summary>
internal sealed class ChannelLane(int concurrency, double sendsPerSecond, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim slots = new(concurrency, concurrency);
    private readonly Lock gate = new();
    private DateTimeOffset nextStart = DateTimeOffset.MinValue;

    /// <summary>Waits for a free call and for the channel's next start time; dispose the result when the call is over.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            await PaceAsync(cancellationToken);
        }
        catch
        {
            slots.Release();
            throw;
        }

        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private Task PaceAsync(CancellationToken cancellationToken)
    {
        if (sendsPerSecond <= 0)
        {
            return Task.CompletedTask;
        }

        TimeSpan wait;
        lock (gate)
        {
            // Each caller books the next free start; waiting callers queue up one interval apart.
            var now = clock.GetUtcNow();
            var start = nextStart > now ? nextStart : now;
            nextStart = start + TimeSpan.FromSeconds(1 / sendsPerSecond);
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
