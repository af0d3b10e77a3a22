using System.Text.RegularExpressions;
using PhoneNumbers;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// What of a citizen's description the public Open311 feed shows (<see cref="Open311Options.Descriptions"/>):
/// the words with phone numbers, e-mail addresses and links taken out, or nothing. Citizens
/// write "call me at 403 555 0199" or paste a link to their own photo album; the feed is read by
/// anyone, without a key.
/// </summary>
internal static partial class PublicDescription
{
    public const string Removed = "[removed]";

    public static string? For(string description, Open311Options options) => options.Descriptions switch
    {
        Open311Descriptions.Withheld => null,
        _ => Redact(description, options.PhoneRegion),
    };

    public static string Redact(string text, string region)
    {
        var withoutLinks = Link().Replace(text, Removed);
        var withoutMail = Email().Replace(withoutLinks, Removed);

        // libphonenumber finds numbers written any way people write them ("(403) 555-0199", "+1 403 555 0199", "4035550199").
        var numbers = PhoneNumberUtil.GetInstance().FindNumbers(withoutMail, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue).ToList();
        var result = withoutMail;
        foreach (var number in numbers.OrderByDescending(n => n.Start))
        {
            result = string.Concat(result.AsSpan(0, number.Start), Removed, result.AsSpan(number.Start + number.RawString.Length));
        }

        return result;
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}

/// <summary>How descriptions appear in the public feed.</summary>
public enum Open311Descriptions
{
    /// <summary>The citizen's words without phone numbers, e-mail addresses and links.</summary>
    Redacted,

    /// <summary>No description at all (service name, status, place and dates only).</summary>
    Withheld,
}
