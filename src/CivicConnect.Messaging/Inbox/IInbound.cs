using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Inbox;

/// <summary>
/// Where every channel adapter hands an inbound activity. The activity is committed to the inbox
/// (unique on channel + provider message id) before this returns; the turn then runs right away
/// (fast path) and a sweeper finishes anything a crash left behind.
/// </summary>
public interface IInbound
{
    Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>True when this provider message id was accepted before (a retry), so nothing needs fetching again.</summary>
    Task<bool> IsKnownAsync(string channel, string providerMessageId, CancellationToken cancellationToken);
}

/// <param name="Duplicate">True when the same provider message id was already accepted (a provider retry): nothing is processed again.</param>
public sealed record InboundAcceptance(long InboxId, bool Duplicate);
