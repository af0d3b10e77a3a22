namespace CivicConnect.Data.Entities;

/// <summary>An inbound provider message, committed before the provider gets its 200; unique per (channel, provider id).</summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ProviderMessageId { get; set; }

    public required string Address { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
