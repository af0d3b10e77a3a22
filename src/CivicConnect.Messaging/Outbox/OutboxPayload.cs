using System.Text.Json;
using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Outbox;

/// <summary>What an outbox row carries: the channel-neutral reply and the language it is in.</summary>
public sealed record OutboxPayload(string Locale, Reply Reply)
{
    /// <summary>The row's <c>payload</c> column: the same JSON shape as the conversation state, read back by <see cref="Read"/>.</summary>
    public static string Write(string locale, Reply reply) => JsonSerializer.Serialize(new OutboxPayload(locale, reply), MessageJson.Options);

    public static OutboxPayload Read(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, MessageJson.Options) ?? throw new JsonException("An outbox payload is null.");
}
