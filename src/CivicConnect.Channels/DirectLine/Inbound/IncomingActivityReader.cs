using System.Text.Json;
using System.Text.Json.Nodes;

namespace CivicConnect.Channels.DirectLine.Inbound;

/// <summary>
/// Parses and checks an activity posted by a client. Every failure is a field error the client
/// can act on; nothing is stored for an activity that fails.
/// </summary>
internal static class IncomingActivityReader
{
    private const int MaxIdLength = 200;
    private const int MaxNameLength = 200;
    private const int MaxTypeLength = 64;
    private const int MaxClientActivityIdLength = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static ReadResult Read(ReadOnlyMemory<byte> body, int maxTextLength)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ReadResult.Invalid("activity", $"The body is not valid JSON: {ex.Message}");
        }

        if (root is not JsonObject json)
        {
            return ReadResult.Invalid("activity", "The body must be a JSON object (a Bot Framework activity).");
        }

        // The transcript keeps the activity as jsonb, which cannot hold U+0000 (the fuzzer's "\u0000" was a 500).
        if (HoldsNul(json))
        {
            return ReadResult.Invalid("activity", "The activity may not contain a NUL character (\\u0000).");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var type = OptionalString(json, "type", errors);
        if (string.IsNullOrWhiteSpace(type) || type.Length > MaxTypeLength)
        {
            errors["type"] = ["Every activity needs a 'type', such as \"message\"."];
        }

        var text = OptionalString(json, "text", errors);
        if (text is { Length: var length } && length > maxTextLength)
        {
            errors["text"] = [$"The text is {length} characters long; at most {maxTextLength} are accepted."];
        }

        var locale = OptionalString(json, "locale", errors);
        if (locale is not null && !Locales.IsWellFormed(locale))
        {
            errors["locale"] = ["The locale must be a language tag such as \"en-CA\" or \"fr\"."];
        }

        string? fromId = null;
        string? fromName = null;
        switch (json["from"])
        {
            case null:
                break;
            case JsonObject from:
                fromId = OptionalString(from, "id", errors, "from.id");
                fromName = OptionalString(from, "name", errors, "from.name");
                if (fromId is { Length: > MaxIdLength } || fromName is { Length: > MaxNameLength })
                {
                    errors["from"] = [$"'from.id' and 'from.name' are limited to {MaxIdLength} characters."];
                }

                break;
            default:
                errors["from"] = ["'from' must be an object like {\"id\":\"…\"}."];
                break;
        }

        var location = LocationReader.Read(json, errors);
        var clientActivityId = (json["channelData"] as JsonObject)?["clientActivityID"] is JsonValue value && value.TryGetValue<string>(out var id)
            && id.Length is > 0 and <= MaxClientActivityIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? id
            : null;

        return errors.Count > 0
            ? new ReadResult(null, errors)
            : new ReadResult(new IncomingActivity(json, type!, text, locale, fromId, fromName, location, clientActivityId), null);
    }

    private static bool HoldsNul(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || HoldsNul(p.Value)),
        JsonArray array => array.Any(HoldsNul),
        JsonValue value => value.TryGetValue<string>(out var text) && text.Contains('\0', StringComparison.Ordinal),
        _ => false,
    };

    private static string? OptionalString(JsonObject json, string name, Dictionary<string, string[]> errors, string? field = null)
    {
        switch (json[name])
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            default:
                errors[field ?? name] = [$"'{field ?? name}' must be a string."];
                return null;
        }
    }
}

internal sealed record ReadResult(IncomingActivity? Activity, IDictionary<string, string[]>? Errors)
{
    public static ReadResult Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
