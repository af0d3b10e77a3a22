namespace CivicConnect.Conversation.Activities;

/// <summary>Channel names as stored on conversations, inbox and outbox rows.</summary>
public static class Channels
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string WhatsAppCloud = "whatsapp-cloud";
    public const string DirectLine = "directline";

    /// <summary>Channels where STOP, CANCEL, END … alone are carrier opt-out keywords, never dialog words.</summary>
    public static bool HasCarrierKeywords(string channel) => channel is Sms or WhatsApp;

    /// <summary>Plain-text channels render choices as a numbered list.</summary>
    public static bool IsPlainText(string channel) => channel is Sms;
}
