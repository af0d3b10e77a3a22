using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// Reacts to a transition inside the same database transaction, before it commits: whatever a
/// listener adds (outbox rows, cancelled jobs) commits with the transition or not at all. A
/// listener that throws rolls the transition back.
/// </summary>
public interface IIssueTransitionListener
{
    Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken);
}

/// <param name="Issue">The tracked issue, already in its new state.</param>
/// <param name="Event">The history line written for this transition.</param>
public sealed record IssueTransitionContext(
    Issue Issue,
    IssueTrigger Trigger,
    IssueStatus From,
    IssueStatus To,
    TransitionData Data,
    IssueActor Actor,
    IssueEvent Event,
    DateTimeOffset At);
