using CivicConnect.Core.Limits;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// <see cref="LlmOptions.MaxCallsPerConversationPerDay"/>: a fixed one-day window per conversation
/// (<see cref="FixedWindowCounter{TKey}"/>, per node like the sender rate limits).
/// </summary>
public sealed class LlmCallBudget(IOptions<LlmOptions> options, TimeProvider clock)
{
    private readonly FixedWindowCounter<Guid> windows = new(TimeSpan.FromDays(1), clock);

    /// <returns>True when the conversation may make one more call (and counts it).</returns>
    public bool TryTake(Guid conversation) => windows.Count(conversation) <= options.Value.MaxCallsPerConversationPerDay;
}
