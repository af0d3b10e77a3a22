using System.Globalization;
using System.Text;
using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>Turns a Twilio Messaging webhook (SMS, MMS or WhatsApp) into an <see cref="Activity"/>.</summary>
internal static class TwilioMessageReader
{
    /// <summary>Twilio delivers at most 10 media files per message.</summary>
    private const int MaxMedia = 10;

    /// <summary>Twilio's own limit on a message body; anything longer was not sent by a phone.</summary>
    private const int MaxTextLength = 1_600;

    public static Activity? Read(TwilioForm form, string defaultRegion, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var messageSid = form["MessageSid"] ?? form["SmsMessageSid"];
        if (messageSid is null || messageSid.Length > 64)
        {
            errors["MessageSid"] = ["MessageSid is required."];
        }

        var from = form["From"];
        var isWhatsApp = from?.StartsWith(E164.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) == true;
        var number = E164.ToE164(isWhatsApp ? from![E164.WhatsAppPrefix.Length..] : from, defaultRegion);
        if (number is null)
        {
            errors["From"] = [from is null ? "From is required." : "From is not a phone number."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var channel = isWhatsApp ? ChannelIds.WhatsApp : ChannelIds.Sms;
        var tooMany = int.TryParse(form["NumMedia"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > MaxMedia;
        var address = isWhatsApp ? E164.WhatsAppPrefix + number : number!;
        return new Activity(
            messageSid!,
            channel,
            address,
            CleanText(form["Body"]),
            ReadMedia(form),
            ReadLocation(form),
            Locale: null,
            now,
            SenderName: CleanText(form["ProfileName"]) is { } name && name.Length <= 100 ? name : null,
            MediaProblem: tooMany ? MediaProblem.TooLarge : null);
    }

    private static List<ActivityAttachment> ReadMedia(TwilioForm form)
    {
        var media = new List<ActivityAttachment>();
        if (!int.TryParse(form["NumMedia"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxMedia)
        {
            return media;
        }

        for (var i = 0; i < count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            if (Uri.TryCreate(form["MediaUrl" + index], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                media.Add(new ActivityAttachment(form["MediaContentType" + index] ?? "application/octet-stream", Url: url.ToString()));
            }
        }

        return media;
    }

    /// <summary>A WhatsApp location pin; coordinates off the globe are dropped and the message is read as text.</summary>
    private static GeoLocation? ReadLocation(TwilioForm form)
    {
        if (!double.TryParse(form["Latitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(form["Longitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || !double.IsFinite(latitude) || !double.IsFinite(longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return null;
        }

        var label = CleanText(form["Label"]) ?? CleanText(form["Address"]);
        return new GeoLocation(latitude, longitude, label is { Length: > 200 } ? label[..200] : label, LocationSource.Pin);
    }

    /// <summary>
    /// Control characters (NUL above all, which PostgreSQL text cannot hold) are dropped; line breaks
    /// and tabs stay. Text longer than any phone sends is cut, not refused.
    /// </summary>
    private static string? CleanText(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(raw.Length, MaxTextLength));
        foreach (var c in raw)
        {
            if (text.Length >= MaxTextLength)
            {
                break;
            }

            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                text.Append(c);
            }
        }

        if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
        {
            text.Length--;
        }

        var cleaned = text.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
