using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>
/// A fixed one-minute window per sender address, on the injected clock so tests can move it.
/// Per node: behind a load balancer the effective limit is this times the number of nodes.
/// </summary>
internal sealed class SenderRateLimiter(IOptions<TwilioOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);

    /// <returns>Allowed; FirstRefused for the one message over the limit that gets a polite answer; Refused after it until the window passes.</returns>
    public RateDecision Check(string address)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > PruneAbove)
        {
            foreach (var (key, value) in windows)
            {
                if (now - value.Start >= Window)
                {
                    windows.TryRemove(key, out _);
                }
            }
        }

        var window = windows.AddOrUpdate(
            address,
            _ => (now, 1),
            (_, current) => now - current.Start >= Window ? (now, 1) : (current.Start, current.Count + 1));
        var limit = options.Value.InboundPerSenderPerMinute;
        return window.Count <= limit ? RateDecision.Allowed : window.Count == limit + 1 ? RateDecision.FirstRefused : RateDecision.Refused;
    }
}

internal enum RateDecision
{
    Allowed,
    FirstRefused,
    Refused,
}
