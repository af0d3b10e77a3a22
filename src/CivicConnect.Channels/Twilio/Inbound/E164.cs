using PhoneNumbers;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>Phone numbers as conversation addresses: always E.164, so one citizen is one conversation however the number was written.</summary>
public static class E164
{
    public const string WhatsAppPrefix = "whatsapp:";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <returns>The E.164 form, or null when it is not a possible number.</returns>
    public static string? ToE164(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 64)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(raw, defaultRegion);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
