using System.Globalization;
using System.Text.Json;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.WhatsAppCloud.Inbound;

/// <summary>A citizen's message from the webhook; <see cref="MediaId"/> is a photo still held by Meta.</summary>
internal sealed record CloudMessage(Activity Activity, string? MediaId, string? MediaMimeType);

/// <summary>A delivery report for a message we sent.</summary>
internal sealed record CloudStatus(string MessageId, string Status, string? ErrorCode);

internal sealed record CloudWebhook(IReadOnlyList<CloudMessage> Messages, IReadOnlyList<CloudStatus> Statuses);

/// <summary>
/// Reads Meta's webhook JSON (<c>entry[].changes[].value.messages[]</c> and <c>.statuses[]</c>)
/// into activities. Text, photos, location pins and interactive button or list replies are
/// understood; any other kind of file becomes a <see cref="MediaProblem.NotAnImage"/> the dialog
/// answers politely.
/// </summary>
internal static class WebhookReader
{
    private const int MaxTextLength = 4_096;

    public static CloudWebhook? Read(byte[] body, string defaultRegion, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        errors = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            errors["body"] = ["The body is not JSON."];
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "whatsapp_business_account"
                || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                errors["object"] = ["Expected a whatsapp_business_account notification with entry[]."];
                return null;
            }

            var messages = new List<CloudMessage>();
            var statuses = new List<CloudStatus>();
            foreach (var value in Values(entries))
            {
                var names = ContactNames(value);
                foreach (var message in Array(value, "messages"))
                {
                    if (ReadMessage(message, names, defaultRegion, now, errors) is { } read)
                    {
                        messages.Add(read);
                    }
                }

                foreach (var status in Array(value, "statuses"))
                {
                    if (Str(status, "id") is { Length: <= 128 } id && Str(status, "status") is { Length: <= 32 } state)
                    {
                        var code = Array(status, "errors").Select(e => e.TryGetProperty("code", out var c) ? c.ToString() : null).FirstOrDefault(c => c is not null);
                        statuses.Add(new CloudStatus(id, state.ToLowerInvariant(), code is { Length: <= 16 } ? code : null));
                    }
                    else
                    {
                        errors["statuses"] = ["A status needs an id and a status."];
                    }
                }
            }

            return errors.Count == 0 ? new CloudWebhook(messages, statuses) : null;
        }
    }

    private static CloudMessage? ReadMessage(JsonElement message, Dictionary<string, string> names, string defaultRegion, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var id = Str(message, "id");
        var from = Str(message, "from");
        if (id is null || id.Length > 128)
        {
            errors["messages.id"] = ["A message needs its wamid."];
            return null;
        }

        // wa_id is the number in international form without '+'.
        var number = from is { Length: <= 20 } && from.All(char.IsAsciiDigit) ? E164.ToE164("+" + from, defaultRegion) : null;
        if (number is null)
        {
            errors["messages.from"] = ["A message needs the sender's WhatsApp id."];
            return null;
        }

        string? text = null;
        string? mediaId = null;
        string? mime = null;
        GeoLocation? location = null;
        MediaProblem? problem = null;
        var type = Str(message, "type");
        switch (type)
        {
            case "text":
                text = Str(Obj(message, "text"), "body");
                break;
            case "interactive":
                // The id of the button or row is the choice's value, which the engine matches exactly.
                var interactive = Obj(message, "interactive");
                var reply = Str(interactive, "type") is { } kind ? Obj(interactive, kind) : default;
                text = Str(reply, "id") ?? Str(reply, "title");
                break;
            case "button":
                text = Str(Obj(message, "button"), "payload") ?? Str(Obj(message, "button"), "text");
                break;
            case "image":
                var image = Obj(message, "image");
                mediaId = Str(image, "id") is { Length: <= 128 } media && media.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? media : null;
                mime = Str(image, "mime_type");
                text = Str(image, "caption");
                problem = mediaId is null ? MediaProblem.Unavailable : null;
                break;
            case "location":
                location = ReadLocation(Obj(message, "location"));
                break;
            case "audio" or "video" or "document" or "sticker" or "contacts":
                problem = MediaProblem.NotAnImage;
                text = Str(Obj(message, type), "caption");
                break;
        }

        var activity = new Activity(
            id,
            ChannelIds.WhatsAppCloud,
            number,
            TextCleaner.Clean(text, MaxTextLength),
            [],
            location,
            Locale: null,
            now,
            SenderName: names.TryGetValue(from!, out var name) ? TextCleaner.Clean(name, 100) : null,
            MediaProblem: problem);
        return new CloudMessage(activity, mediaId, mime);
    }

    /// <summary>Coordinates off the globe are dropped; the message still counts.</summary>
    private static GeoLocation? ReadLocation(JsonElement location)
    {
        if (location.ValueKind != JsonValueKind.Object
            || !TryNumber(location, "latitude", out var latitude)
            || !TryNumber(location, "longitude", out var longitude)
            || !double.IsFinite(latitude) || !double.IsFinite(longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return null;
        }

        var label = TextCleaner.Clean(Str(location, "name") ?? Str(location, "address"), 200);
        return new GeoLocation(latitude, longitude, label, LocationSource.Pin);
    }

    /// <summary>A number where one belongs; a string, object or anything else there is no coordinate (never an exception).</summary>
    private static bool TryNumber(JsonElement parent, string name, out double value)
    {
        value = 0;
        return parent.TryGetProperty(name, out var element)
            && element.ValueKind == JsonValueKind.Number
            && element.TryGetDouble(out value);
    }

    private static Dictionary<string, string> ContactNames(JsonElement value) =>
        Array(value, "contacts")
            .Select(c => (Id: Str(c, "wa_id"), Name: Str(Obj(c, "profile"), "name")))
            .Where(c => c.Id is not null && c.Name is not null)
            .DistinctBy(c => c.Id)
            .ToDictionary(c => c.Id!, c => c.Name!, StringComparer.Ordinal);

    private static IEnumerable<JsonElement> Values(JsonElement entries) =>
        entries.EnumerateArray()
            .SelectMany(entry => Array(entry, "changes"))
            .Where(change => Str(change, "field") is null or "messages")
            .Select(change => Obj(change, "value"))
            .Where(value => value.ValueKind == JsonValueKind.Object);

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static JsonElement Obj(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : default;

    private static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String ? child.GetString() : null;
}

/// <summary>Control characters (NUL above all, which PostgreSQL text cannot hold) dropped, length bounded.</summary>
internal static class TextCleaner
{
    public static string? Clean(string? raw, int maxLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var kept = new string(raw.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').Take(maxLength).ToArray());
        if (kept.Length > 0 && char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        kept = kept.Trim();
        return kept.Length == 0 ? null : kept;
    }
}
