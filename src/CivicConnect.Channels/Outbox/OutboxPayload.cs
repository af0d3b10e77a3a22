using CivicConnect.Conversation.Activities;

namespace CivicConnect.Channels.Outbox;

/// <summary>What an outbox row carries: the channel-neutral reply and the language it is in.</summary>
public sealed record OutboxPayload(string Locale, Reply Reply);

public static class OutboxKinds
{
    public const string Reply = "reply";
    public const string Notification = "notification";
}
