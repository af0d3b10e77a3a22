using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>The trigger does not apply in the issue's current state (HTTP 409, naming the triggers that do).</summary>
public sealed class TransitionNotAllowedException(IssueStatus status, IssueTrigger trigger, IReadOnlyList<IssueTrigger> allowed)
    : Exception($"'{trigger}' is not possible while the issue is {status}. Possible now: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}.")
{
    public IssueStatus Status { get; } = status;

    public IssueTrigger Trigger { get; } = trigger;

    public IReadOnlyList<IssueTrigger> Allowed { get; } = allowed;
}

/// <summary>The trigger applies but its data is missing or wrong (HTTP 400 with field errors).</summary>
public sealed class TransitionDataException(IDictionary<string, string[]> errors)
    : Exception("The transition's data is incomplete: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static TransitionDataException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The actor may not act on this issue: another department's staff, or a citizen outside their window (HTTP 403).</summary>
public sealed class TransitionForbiddenException(string message) : Exception(message);

/// <summary>No issue with that id (HTTP 404).</summary>
public sealed class IssueNotFoundException(long issueId) : Exception($"Issue {issueId} does not exist.")
{
    public long IssueId { get; } = issueId;
}

/// <summary>The issue changed after the caller read it (its version moved on): HTTP 409, "changed by someone else — reload".</summary>
public sealed class IssueChangedException(long issueId, int reference)
    : Exception($"Issue #{reference} was changed by someone else since you loaded it; reload it and try again.")
{
    public long IssueId { get; } = issueId;
}
