using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Events;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Notifications;

/// <summary>Staff comments on an issue: internal ones stay in the history, public ones also go to the citizen; subscribers hear of both.</summary>
public sealed class IssueComments(CivicDbContext db, CitizenNotifier notifier, ReportEvents events, LiveIssueChanges live, TimeProvider clock)
{
    public const int MaxLength = 2000;

    public async Task<IssueEvent> AddAsync(long issueId, string text, bool isPublic, IssueActor actor, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            throw TransitionDataException.For("text", $"A comment has 1 to {MaxLength} characters.");
        }

        if (!actor.IsCityWorker)
        {
            throw new TransitionForbiddenException("Only city staff comment on issues.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issue = await db.Issues.Include(i => i.Department).SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken)
            ?? throw new IssueNotFoundException(issueId);
        IssueTransitions.EnsureOwnDepartment(issue, actor);

        var now = clock.GetUtcNow();
        var comment = issue.AddHistory(IssueEventKinds.Comment, actor.Name, text, isPublic, now);
        issue.UpdatedAt = now;
        if (isPublic)
        {
            await notifier.NotifyAsync(issue, "notify_comment", [("comment", text)], cancellationToken);
        }

        // An internal comment's words stay inside the city: subscribers hear only that there was one.
        await events.PublishAsync(issue, ReportEventTypes.Commented, now, cancellationToken, comment: new ReportComment(isPublic, isPublic ? text : null));
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(issue, "comment", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return comment;
    }
}
