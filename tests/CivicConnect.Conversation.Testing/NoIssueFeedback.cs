using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>Conversations that never follow a resolved or closed issue: "not fixed" finds nothing, no survey is pending.</summary>
public sealed class NoIssueFeedback : IIssueFeedback
{
    public Task<NotFixedOutcome> ReportNotFixedAsync(Guid conversationId, string channel, int? reference, CancellationToken cancellationToken) =>
        Task.FromResult(new NotFixedOutcome(NotFixedResult.NothingResolved, reference));

    public Task<int?> PendingSurveyAsync(Guid conversationId, CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public Task RecordSatisfactionAsync(Guid conversationId, int reference, int score, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No survey is ever pending here.");
}
