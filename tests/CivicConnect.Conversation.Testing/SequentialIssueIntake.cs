using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Testing;

/// <summary>Accepts every report and hands out the next reference number; keeps nothing.</summary>
public sealed class SequentialIssueIntake(int firstReferenceNumber = 1001) : IIssueIntake
{
    private const string Department = "Roads";
    private long lastIssueId;

    public Task<SubmittedIssue> SubmitAsync(IssueSubmission submission, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastIssueId);
        return Task.FromResult(new SubmittedIssue(id, firstReferenceNumber + (int)(id - 1), Department));
    }

    public Task<SubmittedIssue> JoinAsync(long issueId, Guid conversationId, bool subscribe, IReadOnlyList<DraftPhoto> photos, CancellationToken cancellationToken) =>
        Task.FromResult(new SubmittedIssue(issueId, firstReferenceNumber + (int)(issueId - 1), Department));
}
