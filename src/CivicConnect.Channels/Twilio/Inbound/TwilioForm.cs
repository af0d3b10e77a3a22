using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> webhook body, parsed strictly: each field once,
/// valid UTF-8. The signature is computed over exactly these fields, so nothing may be guessed.
/// </summary>
internal sealed class TwilioForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TwilioForm(Dictionary<string, string> fields) => Fields = fields;

    public IReadOnlyDictionary<string, string> Fields { get; }

    public string? this[string name] => Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <returns>The form, or null with the reason when the body is not a well-formed form.</returns>
    public static TwilioForm? Parse(byte[] body, out string? error)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            error = "The body is not valid UTF-8.";
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(text))
        {
            if (values.Count != 1)
            {
                error = $"The field '{Truncate(key)}' appears more than once.";
                return null;
            }

            fields[key] = values[0] ?? string.Empty;
        }

        error = null;
        return new TwilioForm(fields);
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] : value;
}
