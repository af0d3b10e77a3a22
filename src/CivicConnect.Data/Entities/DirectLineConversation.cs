namespace CivicConnect.Data.Entities;

/// <summary>A Direct Line conversation (web chat or the mobile app). Any node can serve it: everything is in the database.</summary>
public sealed class DirectLineConversation
{
    public required string Id { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
