namespace CivicConnect.Messaging.Outbox;

/// <summary>What an outbox row is: an answer in a conversation, or a notification or alert nobody asked for just then.</summary>
public static class OutboxKinds
{
    public const string Reply = "reply";
    public const string Notification = "notification";
}
