namespace CivicConnect.Messaging.Outbox;

/// <summary>
/// Where the <c>webhook</c> channel may post (https to public addresses, or an allow-listed host).
/// The channel applies it to every send; services that store a URL for later (event subscribers)
/// ask it first, so a supervisor hears at once that an address will never be called. Registered
/// only when the webhook channel is configured.
/// </summary>
public interface IWebhookAddressRule
{
    /// <summary>Why <paramref name="address"/> may not be called, or null when it may.</summary>
    Task<string?> RefusalAsync(string address, CancellationToken cancellationToken);
}
