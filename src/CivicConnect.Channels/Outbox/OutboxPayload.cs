using System.Text.Json;
using CivicConnect.Channels.Turns;
using CivicConnect.Conversation.Activities;

namespace CivicConnect.Channels.Outbox;

/// <summary>What an outbox row carries: the channel-neutral reply and the language it is in.</summary>
public sealed record OutboxPayload(string Locale, Reply Reply)
{
    /// <summary>The row's <c>payload</c> column: the same JSON shape as the conversation state, read back by <see cref="Read"/>.</summary>
    public static string Write(string locale, Reply reply) => JsonSerializer.Serialize(new OutboxPayload(locale, reply), ConversationStateSerializer.Options);

    public static OutboxPayload Read(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, ConversationStateSerializer.Options) ?? throw new JsonException("An outbox payload is null.");
}

public static class OutboxKinds
{
    public const string Reply = "reply";
    public const string Notification = "notification";
}
