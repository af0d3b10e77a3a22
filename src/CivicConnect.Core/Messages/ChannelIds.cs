namespace CivicConnect.Core.Messages;

/// <summary>
/// Channel names as stored on conversations, inbox and outbox rows, defined once for every part:
/// the citizen channels and the staff alert channels (mail, webhook) that the outbox also carries.
/// </summary>
public static class ChannelIds
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string WhatsAppCloud = "whatsapp-cloud";
    public const string DirectLine = "directline";

    /// <summary>E-mail: department alerts (escalations), and status updates to a citizen who gave an address.</summary>
    public const string Mail = "mail";

    /// <summary>Department alert by signed webhook (escalations).</summary>
    public const string Webhook = "webhook";

    /// <summary>A web citizen's status update as a browser notification (Web Push, VAPID).</summary>
    public const string WebPush = "webpush";

    /// <summary>An app citizen's status update as a push notification (Firebase Cloud Messaging HTTP v1).</summary>
    public const string Fcm = "fcm";

    /// <summary>
    /// Channels where STOP, CANCEL, END … alone are opt-out keywords, never dialog words: the
    /// carrier's on Twilio SMS/WhatsApp, and honoured the same way on the WhatsApp Cloud API.
    /// </summary>
    public static bool HasCarrierKeywords(string channel) => channel is Sms or WhatsApp or WhatsAppCloud;

    /// <summary>Twilio confirms an opt-out or opt-in itself; on the others we must (see OutboxKinds.OptOutNotice).</summary>
    public static bool ProviderConfirmsOptOut(string channel) => channel is Sms or WhatsApp;

    /// <summary>Plain-text channels render choices as a numbered list.</summary>
    public static bool IsPlainText(string channel) => channel is Sms;
}
