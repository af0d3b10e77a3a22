using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Workflow.Events;

/// <summary>Every lifecycle transition is a <see cref="ReportEventTypes.Transitioned"/> event, written in the transition's own transaction.</summary>
public sealed class TransitionEvents(ReportEvents events) : IIssueTransitionListener
{
    public Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken) =>
        events.PublishAsync(
            context.Issue,
            ReportEventTypes.Transitioned,
            context.At,
            cancellationToken,
            transition: new ReportTransition(context.Trigger.ToString(), context.From, context.To));
}
