using CivicConnect.Core.Limits;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>A fixed one-minute window per sender address (<see cref="FixedWindowCounter{TKey}"/>).</summary>
internal sealed class SenderRateLimiter(IOptions<TwilioOptions> options, TimeProvider clock)
{
    private readonly FixedWindowCounter<string> windows = new(TimeSpan.FromMinutes(1), clock);

    /// <returns>Allowed; FirstRefused for the one message over the limit that gets a polite answer; Refused after it until the window passes.</returns>
    public RateDecision Check(string address)
    {
        var count = windows.Count(address);
        var limit = options.Value.InboundPerSenderPerMinute;
        return count <= limit ? RateDecision.Allowed : count == limit + 1 ? RateDecision.FirstRefused : RateDecision.Refused;
    }
}

internal enum RateDecision
{
    Allowed,
    FirstRefused,
    Refused,
}
