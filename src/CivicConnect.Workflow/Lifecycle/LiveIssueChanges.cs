using System.Text.Json;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Live;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// Tells open consoles that a report changed (a transition, an assignment, a comment) on the issues
/// topic, in the change's own transaction: delivered on commit, never for a change that rolled back.
/// An open report desk reloads when it hears its report; the queue reloads its page.
/// </summary>
public sealed class LiveIssueChanges(CivicDbContext db, ILiveFeed live) : IIssueTransitionListener
{
    public Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken) =>
        PublishAsync(context.Issue, "transition", cancellationToken);

    public Task PublishAsync(Issue issue, string change, CancellationToken cancellationToken) =>
        live.PublishAsync(db, LiveTopics.Issues, Payload(issue.Id, issue.ReferenceNumber, issue.Department?.Code, change), cancellationToken);

    /// <summary>The same shape as a new report's event (<c>change</c>: reported, transition or comment).</summary>
    public static string Payload(long issueId, int reference, string? department, string change) =>
        JsonSerializer.Serialize(new { issueId, reference, department, change });
}
