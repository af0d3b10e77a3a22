using System.Text.Json;
using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// What an outbox row carries: the channel-neutral reply and the language it is in, or, for an
/// <see cref="OutboxKinds.Event"/>, the exact body to send and its media type (the reply is then empty).
/// </summary>
public sealed record OutboxPayload(string Locale, Reply Reply, OutboxBody? Body = null)
{
    /// <summary>The row's <c>payload</c> column: the same JSON shape as the conversation state, read back by <see cref="Read"/>.</summary>
    public static string Write(string locale, Reply reply) => JsonSerializer.Serialize(new OutboxPayload(locale, reply), MessageJson.Options);

    /// <summary>A body kept as a JSON string, so its bytes (and its signature) are the same on every attempt.</summary>
    public static string WriteBody(string contentType, string body) =>
        JsonSerializer.Serialize(new OutboxPayload(string.Empty, Reply.Plain(string.Empty), new OutboxBody(contentType, body)), MessageJson.Options);

    public static OutboxPayload Read(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, MessageJson.Options) ?? throw new JsonException("An outbox payload is null.");
}

/// <summary>A machine-readable message, sent as written.</summary>
public sealed record OutboxBody(string ContentType, string Text);
