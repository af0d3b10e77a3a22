using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CivicConnect.Core.Text;

/// <summary>
/// The one rule for an e-mail address a citizen gives for updates: something@domain.tld, at most
/// 200 characters (the outbox's address column), as MailAddress reads it. Used by the dialog
/// and by every endpoint that takes one.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 200;

    /// <summary>The address in a message such as "it's jo@example.org thanks", if there is exactly one.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var found = Candidate().Matches(text).Select(m => m.Value.TrimEnd('.')).Where(IsValid).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength }
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"[^\s<>()\[\],;:""]+@[^\s<>()\[\],;:""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
