using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Outbox;

/// <summary>Delivers an outbox message on one channel (Twilio, WhatsApp Cloud, Direct Line).</summary>
public interface IChannelSender
{
    /// <summary>The <see cref="ChannelIds"/> name this sender serves.</summary>
    string Channel { get; }

    Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <param name="OutboxId">Stable id of the outbox row; senders use it to make delivery idempotent.</param>
/// <param name="Template">Set when the message must go as a provider-approved template (WhatsApp outside the 24-hour window).</param>
/// <param name="Body">An <see cref="OutboxKinds.Event"/>'s exact body, to send as is instead of rendering <paramref name="Reply"/>.</param>
public sealed record OutboundMessage(long OutboxId, string Kind, string Channel, string Address, Guid? ConversationId, string Locale, Reply Reply, MessageTemplate? Template = null, OutboxBody? Body = null)
{
    /// <summary>
    /// Set (to when the row was written) when an earlier attempt may have reached the provider unseen: a sender that
    /// can list what it sent since then (Twilio) sends only what is not there yet, so a node killed between the
    /// provider's acceptance and the mark does not make the citizen read the reply twice. Senders that cannot ask
    /// (WhatsApp Cloud has no lookup) send again: at least once.
    /// </summary>
    public DateTimeOffset? InDoubtSince { get; init; }
}

/// <summary>A pre-approved WhatsApp template: a Twilio Content SID or a Cloud API template name, with its body variables in order.</summary>
public sealed record MessageTemplate(string Id, string Language, IReadOnlyList<string> Variables);

/// <param name="WindowClosed">The provider refused a free-form WhatsApp message outside the 24-hour window (Twilio 63016, Cloud API 131047).</param>
/// <param name="NotAttempted">The provider's circuit was open, so nothing reached it: the row waits without using up an attempt.</param>
/// <param name="MayHaveReachedProvider">A failure after which the provider may still hold (part of) the message: the call timed
/// out or the connection broke after it was sent, or a long reply failed after its first parts. The row is retried in doubt.</param>
public sealed record SendOutcome(bool Sent, string? ProviderMessageId = null, string? Error = null, bool Permanent = false, TimeSpan? RetryAfter = null, bool WindowClosed = false, bool NotAttempted = false, bool MayHaveReachedProvider = false)
{
    public static SendOutcome Success(string? providerMessageId) => new(true, providerMessageId);

    public static SendOutcome Failure(string error, bool permanent = false, TimeSpan? retryAfter = null) => new(false, null, error, permanent, retryAfter);

    public static SendOutcome OutsideWindow(string error) => new(false, null, error, Permanent: true, WindowClosed: true);

    public static SendOutcome CircuitOpen(string provider) => new(false, null, $"{provider} circuit is open: not tried", NotAttempted: true);
}
