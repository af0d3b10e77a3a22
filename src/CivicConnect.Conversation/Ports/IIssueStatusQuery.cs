namespace CivicConnect.Conversation.Ports;

/// <summary>Answers "status 1042" and "status": only the category, state and date — never who reported it.</summary>
public interface IIssueStatusQuery
{
    Task<IssueStatusView?> FindAsync(int referenceNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<IssueStatusView>> ListOpenForConversationAsync(Guid conversationId, CancellationToken cancellationToken);
}

public sealed record IssueStatusView(int ReferenceNumber, string CategoryCode, string Status, DateTimeOffset ReportedAt);
