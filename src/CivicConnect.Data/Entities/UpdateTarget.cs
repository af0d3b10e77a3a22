namespace CivicConnect.Data.Entities;

/// <summary>
/// Another way to reach a web or app citizen with their reports' status updates, besides the chat
/// transcript nobody reopens: a browser's Web Push subscription, an app's Firebase Cloud Messaging
/// token, or an e-mail address the citizen gave. Belongs to one conversation; removed when the
/// push service says it is gone (404/410, UNREGISTERED) and on erasure.
/// </summary>
public sealed class UpdateTarget
{
    public long Id { get; set; }

    public Guid ConversationId { get; set; }

    /// <summary>One of <see cref="UpdateTargetKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The push service endpoint URL, the FCM registration token, or the e-mail address.</summary>
    public required string Address { get; set; }

    /// <summary>Web Push only: the browser's P-256 public key (base64url), for the aes128gcm encryption.</summary>
    public string? P256dh { get; set; }

    /// <summary>Web Push only: the browser's authentication secret (base64url).</summary>
    public string? Auth { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The kinds of <see cref="UpdateTarget"/>; each is also the outbox channel its notifications go on.</summary>
public static class UpdateTargetKinds
{
    public const string WebPush = Core.Messages.ChannelIds.WebPush;
    public const string Fcm = Core.Messages.ChannelIds.Fcm;
    public const string Email = Core.Messages.ChannelIds.Mail;
}
