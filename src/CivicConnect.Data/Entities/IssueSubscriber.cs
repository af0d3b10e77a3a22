namespace CivicConnect.Data.Entities;

/// <summary>A conversation that gets status updates for an issue: its reporter, or a citizen who joined a duplicate.</summary>
public sealed class IssueSubscriber
{
    public long Id { get; set; }

    public long IssueId { get; set; }

    public Guid ConversationId { get; set; }

    public SubscriberKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum SubscriberKind
{
    Reporter,
    Joined,
}
