using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;

namespace CivicConnect.Messaging.Outbox;

/// <summary>Adds outbox rows to the scope's <see cref="CivicDbContext"/>, so they commit with the caller's own changes.</summary>
public sealed class OutboxWriter(CivicDbContext db) : IOutbox
{
    public void Enqueue(string kind, string channel, string address, Guid? conversationId, string locale, Reply reply, DateTimeOffset now, DateTimeOffset? notBefore = null) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Channel = channel,
            Address = address,
            ConversationId = conversationId,
            Payload = OutboxPayload.Write(locale, reply),
            NextAttemptAt = notBefore ?? now,
            NotBefore = notBefore,
            CreatedAt = now,
        });

    public void EnqueueEvent(string channel, string address, string orderKey, string contentType, string body, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = OutboxKinds.Event,
            Channel = channel,
            Address = address,
            OrderKey = orderKey,
            Payload = OutboxPayload.WriteBody(contentType, body),
            NextAttemptAt = now,
            CreatedAt = now,
        });
}
