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

/// <summary>Twilio's default opt-out and opt-in keywords (sent alone, any case).</summary>
public static class CarrierKeywords
{
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE",
    };

    public static readonly IReadOnlySet<string> OptIn = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    public static bool IsOptOut(string? text) => text is not null && OptOut.Contains(text.Trim());

    public static bool IsOptIn(string? text) => text is not null && OptIn.Contains(text.Trim());
}
