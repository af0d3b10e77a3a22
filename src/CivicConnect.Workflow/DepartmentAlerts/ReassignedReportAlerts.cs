using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>A report handed to another department is a new report there: it hears about it as it asked.</summary>
public sealed class ReassignedReportAlerts(NewReportAlerts alerts) : IIssueTransitionListener
{
    public async Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger == IssueTrigger.Assign && context.Data.Department is not null && context.Issue.DepartmentId is { } department)
        {
            await alerts.RoutedAsync(context.Issue, department, context.At, cancellationToken);
        }
    }
}
