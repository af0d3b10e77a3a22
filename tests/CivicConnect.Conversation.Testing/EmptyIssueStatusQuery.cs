using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>No issue is known: status questions find nothing.</summary>
public sealed class EmptyIssueStatusQuery : IIssueStatusQuery
{
    public Task<IssueStatusView?> FindAsync(int referenceNumber, CancellationToken cancellationToken) => Task.FromResult<IssueStatusView?>(null);

    public Task<IReadOnlyList<IssueStatusView>> ListOpenForConversationAsync(Guid conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IssueStatusView>>([]);
}
