namespace CivicConnect.Staff.Outbox;

/// <summary>One page of failed outbox rows, newest first, with the provider circuits open right now.</summary>
/// <param name="NextBefore">Pass as <c>before</c> for the next page; null on the last one.</param>
public sealed record FailedOutboxPage(IReadOnlyList<FailedOutboxMessage> Items, long? NextBefore, IReadOnlyList<string> OpenCircuits);

/// <param name="Address">Masked like in the logs (phone numbers and e-mail addresses).</param>
/// <param name="LastError">The provider's last error, masked the same way (providers quote the recipient).</param>
/// <param name="Preview">The start of the message text, when it can be read.</param>
public sealed record FailedOutboxMessage(
    long Id, string Kind, string Channel, string Address, Guid? ConversationId, int Attempts, string? LastError, string? ProviderStatus, DateTimeOffset CreatedAt, string? Preview);
