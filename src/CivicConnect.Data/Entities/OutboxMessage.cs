namespace CivicConnect.Data.Entities;

/// <summary>A reply or notification, written in the transaction that caused it and sent afterwards.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Channel { get; set; }

    public required string Address { get; set; }

    public Guid? ConversationId { get; set; }

    /// <summary>
    /// Rows with the same key go out in the order they were written, like a conversation's replies
    /// (one report's events to one subscriber). Null: no order with other rows.
    /// </summary>
    public string? OrderKey { get; set; }

    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>
    /// Held back until then (quiet hours). Unlike a retry's <see cref="NextAttemptAt"/>, a held-back
    /// row does not hold up the conversation's later replies.
    /// </summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>
    /// The node that holds this row's lease (its liveness key), null once marked. When that node's liveness
    /// lock is gone, the row is given back before its lease ends.
    /// </summary>
    public int? ClaimedBy { get; set; }

    /// <summary>
    /// An earlier attempt may have reached the provider without our knowing (its node died before the mark,
    /// its lease ended, or the call timed out after it was sent). Before sending again, a sender that can ask
    /// the provider what it already has does so (<c>OutboundMessage.InDoubtSince</c>). Cleared by a send.
    /// </summary>
    public bool InDoubt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? ProviderStatus { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// How a WhatsApp message outside the 24-hour customer-service window went out: "template:…",
    /// "sms-fallback", or "not-sent" (recorded so an operator can see why a citizen got what they got).
    /// </summary>
    public string? Route { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Delivered,
    Failed,
}
