using CivicConnect.Data.Entities;

namespace CivicConnect.Staff.Outbox;

public enum OutboxRetryOutcome
{
    /// <summary>Back in the queue with fresh attempts; the dispatcher was woken.</summary>
    Queued,

    NotFound,

    /// <summary>The citizen opted out: it may not be sent until they opt back in.</summary>
    OptedOut,

    /// <summary>Not failed (any more): already sent, or retried by someone else a moment ago.</summary>
    NotFailed,
}

/// <param name="Status">The row's status when it was not failed.</param>
public sealed record OutboxRetryResult(long Id, OutboxRetryOutcome Outcome, OutboxStatus? Status = null);
