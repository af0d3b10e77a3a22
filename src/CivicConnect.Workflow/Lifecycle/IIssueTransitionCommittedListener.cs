namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// Reacts to a transition once its transaction has committed — for work outside the database
/// transaction that must neither happen for a transition that rolls back (a 409 loser, a failed
/// save) nor be skipped for one that commits. Runs after the commit of whoever owns the
/// transaction (see <see cref="Data.UnitOfWork.AfterCommit"/>); a failure is logged and never
/// undoes or fails the transition.
/// </summary>
public interface IIssueTransitionCommittedListener
{
    Task OnCommittedAsync(IssueTransitionContext context, CancellationToken cancellationToken);
}
