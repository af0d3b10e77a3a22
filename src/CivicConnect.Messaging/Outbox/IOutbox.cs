using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// Writes a message to the outbox in the caller's unit of work: the row is added to the scope's
/// <see cref="Data.CivicDbContext"/> and commits (or rolls back) with the change that caused it.
/// The dispatcher sends it afterwards; whoever owns the transaction may wake it with
/// <see cref="OutboxSignal"/> after the commit.
/// </summary>
public interface IOutbox
{
    /// <param name="kind">One of <see cref="OutboxKinds"/>.</param>
    /// <param name="channel">One of <see cref="ChannelIds"/>.</param>
    /// <param name="address">Who gets it on that channel: phone, WhatsApp id, Direct Line conversation, e-mail address or webhook URL.</param>
    /// <param name="conversationId">The citizen's conversation; its messages go out in the order they were written. Null for staff alerts.</param>
    /// <param name="now">The caller's clock reading for this change; the row is due then.</param>
    /// <param name="notBefore">Held back until then (quiet hours); the row is due then instead.</param>
    void Enqueue(string kind, string channel, string address, Guid? conversationId, string locale, Reply reply, DateTimeOffset now, DateTimeOffset? notBefore = null);

    /// <summary>
    /// Writes an <see cref="OutboxKinds.Event"/> row: <paramref name="body"/> is sent byte for byte,
    /// on every attempt (so a retry carries the same event id).
    /// </summary>
    /// <param name="orderKey">Rows with the same key are sent in the order written (e.g. one report's events to one subscriber).</param>
    /// <param name="contentType">The body's media type, e.g. <c>application/cloudevents+json</c>.</param>
    void EnqueueEvent(string channel, string address, string orderKey, string contentType, string body, DateTimeOffset now);
}
