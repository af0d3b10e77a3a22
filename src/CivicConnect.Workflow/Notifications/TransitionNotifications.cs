using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Notifications;

/// <summary>
/// The citizen-facing side of the lifecycle: which transitions are worth a message, and with
/// what in it. Runs inside the transition's transaction.
/// </summary>
public sealed class TransitionNotifications(CitizenNotifier notifier, CivicDbContext db) : IIssueTransitionListener
{
    public async Task OnTransitionedAsync(IssueTransitionContext context, CancellationToken cancellationToken)
    {
        var issue = context.Issue;
        switch (context.To)
        {
            case IssueStatus.Triaged:
                await notifier.NotifyAsync(issue, "notify_triaged", [], cancellationToken);
                break;
            case IssueStatus.Assigned when context.From != IssueStatus.Assigned:
                await notifier.NotifyAsync(issue, "notify_assigned", [], cancellationToken);
                break;
            case IssueStatus.Resolved:
                await notifier.NotifyAsync(issue, "notify_resolved", [("note", issue.ResolutionNote)], cancellationToken);
                break;
            case IssueStatus.Rejected:
                await notifier.NotifyAsync(issue, "notify_rejected", [("reason", issue.StatusReason)], cancellationToken);
                break;
            case IssueStatus.ClosedNotFixed:
                await notifier.NotifyAsync(issue, issue.ReferredTo is null ? "notify_closed_not_fixed" : "notify_referred", [("reason", issue.StatusReason), ("handler", issue.ReferredTo)], cancellationToken);
                break;
            case IssueStatus.Duplicate:
                var original = await db.Issues.Where(i => i.Id == issue.DuplicateOfId).Select(i => i.ReferenceNumber).SingleAsync(cancellationToken);
                await notifier.NotifyAsync(issue, "notify_duplicate", [("original", original)], cancellationToken);
                await MoveSubscribersAsync(issue.Id, issue.DuplicateOfId!.Value, context.At, cancellationToken);
                break;
            case IssueStatus.Closed:
                await notifier.NotifyAsync(issue, "survey_ask", [], cancellationToken, chatOnly: true);
                break;
        }

        if (context.Data is { Public: true, Comment: { Length: > 0 } comment })
        {
            await notifier.NotifyAsync(issue, "notify_comment", [("comment", comment)], cancellationToken);
        }
    }

    /// <summary>Whoever followed a duplicate now follows the original, so they hear when it is fixed.</summary>
    private async Task MoveSubscribersAsync(long duplicateId, long originalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var following = await db.IssueSubscribers.Where(s => s.IssueId == duplicateId).Select(s => s.ConversationId).ToListAsync(cancellationToken);
        var already = await db.IssueSubscribers.Where(s => s.IssueId == originalId).Select(s => s.ConversationId).ToListAsync(cancellationToken);
        foreach (var conversation in following.Except(already))
        {
            db.IssueSubscribers.Add(new IssueSubscriber { IssueId = originalId, ConversationId = conversation, Kind = SubscriberKind.Joined, CreatedAt = now });
        }
    }
}
