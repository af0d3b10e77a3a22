namespace CivicConnect.Conversation.Activities;

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
