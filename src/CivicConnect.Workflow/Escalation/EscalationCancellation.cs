using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Workflow.Escalation;

/// <summary>
/// Reaching a finished state removes the issue's pending deadline and reminder. The jobs check the
/// state again when they fire, so a transition that rolls back after this never leaves an issue
/// escalated wrongly — and one that commits never leaves a job behind.
/// </summary>
public sealed class EscalationCancellation(EscalationScheduler scheduler) : IIssueTransitionListener
{
    public Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken) =>
        Escalator.Done.Contains(context.To) ? scheduler.CancelAsync(context.Issue.ReferenceNumber, cancellationToken) : Task.CompletedTask;
}
