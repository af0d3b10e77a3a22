using CivicConnect.Conversation.State;
using CivicConnect.Core.Issues;

namespace CivicConnect.Conversation.Ports;

/// <summary>
/// Where a finished report goes: the issue workflow. It writes through the same unit of work
/// as the turn, so the issue, the conversation state and the reply commit together.
/// </summary>
public interface IIssueIntake
{
    Task<SubmittedIssue> SubmitAsync(IssueSubmission submission, CancellationToken cancellationToken);

    /// <summary>Adds the citizen to an existing open issue (subscribe + vote) instead of creating a new one.</summary>
    Task<SubmittedIssue> JoinAsync(long issueId, Guid conversationId, bool subscribe, IReadOnlyList<DraftPhoto> photos, CancellationToken cancellationToken);
}

/// <param name="ConversationId">The reporter's conversation; null when the report came without one (Open311).</param>
public sealed record IssueSubmission(
    Guid? ConversationId,
    string Channel,
    string Locale,
    string Description,
    string CategoryCode,
    Priority? Priority,
    DraftPlace Place,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<DraftPhoto> Photos,
    bool Subscribe);

public sealed record SubmittedIssue(long IssueId, int ReferenceNumber, string DepartmentName);
