using CivicConnect.Data.Entities;

namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// A channel that only delivers free-form messages for a while after the citizen's last message
/// (WhatsApp's 24-hour customer-service window). The adapters implement it with their templates
/// and SMS fallback; the dispatcher asks it before sending, and again when the provider refuses.
/// </summary>
public interface IDeliveryWindow
{
    /// <summary>True for the channels the window governs.</summary>
    bool Applies(string channel);

    /// <param name="closed">True when the provider already said the window is closed.</param>
    Task<WindowRoute> ChooseAsync(OutboxMessage row, OutboxPayload payload, DateTimeOffset now, bool closed, CancellationToken cancellationToken);
}
