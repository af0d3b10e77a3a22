namespace CivicConnect.Conversation.Ports;

/// <summary>What citizens say back about issues they follow: "NOT FIXED", and the satisfaction answer after Closed.</summary>
public interface IIssueFeedback
{
    /// <param name="reference">The report the citizen named, or null for their most recently resolved one.</param>
    Task<NotFixedOutcome> ReportNotFixedAsync(Guid conversationId, string channel, int? reference, CancellationToken cancellationToken);

    /// <summary>The reference of a closed issue whose satisfaction question is still open, if any.</summary>
    Task<int?> PendingSurveyAsync(Guid conversationId, CancellationToken cancellationToken);

    Task RecordSatisfactionAsync(Guid conversationId, int reference, int score, CancellationToken cancellationToken);
}

public sealed record NotFixedOutcome(NotFixedResult Result, int? ReferenceNumber);

public enum NotFixedResult
{
    Reopened,

    /// <summary>Resolved more than 7 days ago: a new report is the way.</summary>
    TooLate,

    /// <summary>No resolved issue followed by this conversation (or none with that number).</summary>
    NothingResolved,
}
