namespace CivicConnect.Data.Entities;

/// <summary>
/// The Direct Line transcript: user activities as posted and bot activities as delivered from the
/// outbox. <see cref="Id"/> is the watermark: clients poll for everything after it.
/// </summary>
public sealed class DirectLineActivity
{
    public long Id { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>Bot Framework activity id; unique, so a redelivered outbox row is not shown twice.</summary>
    public required string ActivityId { get; set; }

    public bool FromBot { get; set; }

    /// <summary>The Bot Framework activity JSON as clients receive it.</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
