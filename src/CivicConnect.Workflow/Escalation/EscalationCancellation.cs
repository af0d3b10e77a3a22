using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Workflow.Escalation;

/// <summary>
/// Reaching a finished state removes the issue's pending deadline and reminder — after the
/// transition commits, never inside it: a transition that rolls back (the 409 loser of a race)
/// leaves the jobs in place, and Quartz's own row locks are never taken while the issue row is
/// locked (inside the transaction they stalled concurrent transitions). Should the removal fail
/// or the node stop first, the jobs still check the issue's state when they fire and do nothing.
/// </summary>
public sealed class EscalationCancellation(EscalationScheduler scheduler) : IIssueTransitionCommittedListener
{
    public Task OnCommittedAsync(IssueTransitionContext context, CancellationToken cancellationToken) =>
        context.To.IsFinished() ? scheduler.CancelAsync(context.Issue.ReferenceNumber, cancellationToken) : Task.CompletedTask;
}
