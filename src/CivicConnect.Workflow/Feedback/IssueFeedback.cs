using CivicConnect.Conversation.Ports;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Feedback;

/// <summary>
/// What a citizen can say back about their issues in the conversation: "NOT FIXED" (reopens
/// within 7 days of resolution) and the one satisfaction answer after Closed. Writes through
/// the turn's unit of work and transaction.
/// </summary>
public sealed class IssueFeedback(CivicDbContext db, IssueTransitions transitions, TimeProvider clock) : IIssueFeedback
{
    /// <summary>How long after closing the satisfaction question may still be answered.</summary>
    public static readonly TimeSpan SurveyWindow = TimeSpan.FromDays(7);

    public async Task<NotFixedOutcome> ReportNotFixedAsync(Guid conversationId, string channel, int? reference, CancellationToken cancellationToken)
    {
        var candidate = await Followed(conversationId)
            .Where(i => i.ResolvedAt != null && (i.Status == IssueStatus.Resolved || i.Status == IssueStatus.Closed))
            .Where(i => reference == null || i.ReferenceNumber == reference)
            .OrderByDescending(i => i.ResolvedAt)
            .Select(i => new { i.Id, i.ReferenceNumber, ResolvedAt = i.ResolvedAt!.Value })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return new NotFixedOutcome(NotFixedResult.NothingResolved, reference);
        }

        if (clock.GetUtcNow() - candidate.ResolvedAt > IssueLifecycle.CitizenReopenWindow)
        {
            return new NotFixedOutcome(NotFixedResult.TooLate, candidate.ReferenceNumber);
        }

        await transitions.FireAsync(
            candidate.Id,
            IssueTrigger.Reopen,
            new TransitionData { Comment = "The citizen replied NOT FIXED" },
            IssueActor.Citizen(channel),
            cancellationToken);
        return new NotFixedOutcome(NotFixedResult.Reopened, candidate.ReferenceNumber);
    }

    public async Task<int?> PendingSurveyAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - SurveyWindow;
        return await Followed(conversationId)
            .Where(i => i.Status == IssueStatus.Closed && i.Satisfaction == null && i.ClosedAt >= since)
            .OrderByDescending(i => i.ClosedAt)
            .Select(i => (int?)i.ReferenceNumber)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RecordSatisfactionAsync(Guid conversationId, int reference, int score, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        var issue = await Followed(conversationId).SingleAsync(i => i.ReferenceNumber == reference, cancellationToken);
        issue.RecordSatisfaction(score, clock.GetUtcNow());
    }

    private IQueryable<Issue> Followed(Guid conversationId) =>
        db.Issues.Where(i => i.Subscribers.Any(s => s.ConversationId == conversationId));
}
