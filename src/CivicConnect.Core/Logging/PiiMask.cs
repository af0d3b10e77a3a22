using System.Text.RegularExpressions;

namespace CivicConnect.Core.Logging;

/// <summary>
/// Masks phone numbers and e-mail addresses in text bound for logs. Citizens' contact details
/// are personal information; logs are read by operators who do not need them.
/// </summary>
public static partial class PiiMask
{
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var masked = EmailPattern().Replace(text, m => MaskEmail(m.Value));
        return PhonePattern().Replace(masked, m => MaskPhone(m.Value));
    }

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email[0] + "***" + email[at..];
    }

    private static string MaskPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        if (digits < 7)
        {
            return phone;
        }

        // Keep the last two digits so an operator can still tell two conversations apart.
        var tail = new string(phone.Where(char.IsAsciiDigit).TakeLast(2).ToArray());
        var prefix = phone.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? "whatsapp:" : string.Empty;
        return prefix + "+***" + tail;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // E.164 (+14035550101), North American formats ((403) 555-0101, 403-555-0101, 403.555.0101),
    // WhatsApp addresses, and digit-only international numbers of 10-15 digits as WhatsApp's wa_id
    // carries them (14035550101), standing alone: not inside a word, an id or a decimal number.
    // Reference numbers (4-6 digits) and coordinates do not match.
    [GeneratedRegex(@"(?:whatsapp:)?(?:\+\d{7,15}|\(?\b\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}\b|(?<![\w.+\-])\d{10,15}(?![\w\-]|\.\d))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();
}
