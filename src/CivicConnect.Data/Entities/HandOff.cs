namespace CivicConnect.Data.Entities;

/// <summary>
/// A conversation handed to a person: opened by the turn in which the citizen asked for one,
/// claimed (held) by one agent at a time, closed when the agent releases it to the bot, closes
/// it or files the report. At most one is open per conversation.
/// </summary>
public sealed class HandOff
{
    public long Id { get; set; }

    public Guid ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    /// <summary>The citizen's channel and address: the agent's replies go out there.</summary>
    public required string Channel { get; set; }

    public required string Address { get; set; }

    /// <summary>The citizen's language, kept current as they switch.</summary>
    public required string Locale { get; set; }

    /// <summary>The department of the draft's category when it was known; its staff see the hand-off.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>
    /// Where the conversation before the hand-off ends: the inbox message that asked for a person
    /// (earlier ones are shown to the agent from the inbox) and the last reply the bot had written.
    /// </summary>
    public long? EarlierInboxId { get; set; }

    public long? EarlierOutboxId { get; set; }

    public HandOffStatus Status { get; set; } = HandOffStatus.Waiting;

    /// <summary>Who holds it (the agent's name) while <see cref="HandOffStatus.Held"/>; who last held it afterwards.</summary>
    public string? HeldBy { get; set; }

    /// <summary>How it ended: released to the bot, closed, or filed as a report.</summary>
    public HandOffOutcome? Outcome { get; set; }

    /// <summary>The report the agent filed from the draft, if any.</summary>
    public int? ReferenceNumber { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The latest line, either side: the inbox lists the liveliest first among equals.</summary>
    public DateTimeOffset LastMessageAt { get; set; }

    public uint Version { get; set; }

    public List<HandOffLine> Lines { get; set; } = [];
}

public enum HandOffStatus
{
    Waiting,
    Held,
    Closed,
}

public enum HandOffOutcome
{
    Released,
    Closed,
    Filed,
}
