namespace CivicConnect.Workflow.Events;

/// <summary>A subscriber as given cannot be stored (HTTP 400 with field errors); nothing was written.</summary>
public sealed class EventSubscriberInvalidException(IDictionary<string, string[]> errors)
    : Exception("The subscriber is invalid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
