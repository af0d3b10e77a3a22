using System.Collections.Concurrent;

namespace CivicConnect.Core.Limits;

/// <summary>
/// Counts events per key in fixed windows on the injected clock (so tests can move it): the first
/// event of a key opens its window, which lasts <paramref name="window"/>. Per node: behind a load
/// balancer a key may reach the limit once on each node. Bounded: past a number of keys, windows
/// that have ended are dropped.
/// </summary>
public sealed class FixedWindowCounter<TKey>(TimeSpan window, TimeProvider clock)
    where TKey : notnull
{
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<TKey, (DateTimeOffset Start, int Count)> windows = new();

    /// <returns>How many events <paramref name="key"/> has had in its current window, this one included.</returns>
    public int Count(TKey key)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > PruneAbove)
        {
            foreach (var (old, value) in windows)
            {
                if (now - value.Start >= window)
                {
                    windows.TryRemove(old, out _);
                }
            }
        }

        return windows.AddOrUpdate(key, _ => (now, 1), (_, current) => now - current.Start >= window ? (now, 1) : (current.Start, current.Count + 1)).Count;
    }
}
