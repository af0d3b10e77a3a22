using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// <see cref="LlmOptions.MaxCallsPerConversationPerDay"/>: a fixed one-day window per
/// conversation, on the injected clock. Per node, like the sender rate limits: behind a load
/// balancer a conversation may use this times the number of nodes.
/// </summary>
public sealed class LlmCallBudget(IOptions<LlmOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Start, int Count)> windows = new();

    /// <returns>True when the conversation may make one more call (and counts it).</returns>
    public bool TryTake(Guid conversation)
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

        var window = windows.AddOrUpdate(conversation, _ => (now, 1), (_, current) => now - current.Start >= Window ? (now, 1) : (current.Start, current.Count + 1));
        return window.Count <= options.Value.MaxCallsPerConversationPerDay;
    }
}
