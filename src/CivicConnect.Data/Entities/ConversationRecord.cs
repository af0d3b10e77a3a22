namespace CivicConnect.Data.Entities;

/// <summary>
/// One citizen on one channel (a phone number on SMS, a WhatsApp id, a web-chat conversation).
/// The dialog state is a typed record owned by the conversation part, stored here as jsonb.
/// </summary>
public sealed class ConversationRecord
{
    public Guid Id { get; set; }

    public required string Channel { get; set; }

    /// <summary>Channel address: E.164 phone, WhatsApp id or Direct Line conversation id.</summary>
    public required string Address { get; set; }

    public string State { get; set; } = "{}";

    /// <summary>Schema version of <see cref="State"/>, so old records can be upgraded on load.</summary>
    public int StateSchemaVersion { get; set; }

    public string Locale { get; set; } = "en";

    public bool OptedOut { get; set; }

    public bool HandOffRequested { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public uint Version { get; set; }
}
