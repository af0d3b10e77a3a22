namespace CivicConnect.Conversation.Ports;

/// <summary>
/// Where a web or app citizen's status updates can go besides the chat. The dialog offers only
/// what the service is configured for, and stores the e-mail address a citizen gives (in the
/// turn's transaction). Push subscriptions are the client's part (browser or app), registered over HTTP.
/// </summary>
public interface IUpdateContacts
{
    /// <summary>Browser (Web Push) or app (FCM) notifications are configured.</summary>
    bool PushOffered { get; }

    /// <summary>An SMTP server is configured for e-mail updates.</summary>
    bool EmailOffered { get; }

    Task AddEmailAsync(Guid conversationId, string email, CancellationToken cancellationToken);
}
