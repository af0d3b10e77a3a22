using System.Text.RegularExpressions;
using PhoneNumbers;

namespace CivicConnect.Core.Privacy;

/// <summary>
/// The one rule for taking a citizen's contact details out of their words before anyone outside
/// the city reads them (the public Open311 feed, report events, an erased report): phone numbers,
/// e-mail addresses and links become <see cref="Removed"/>. Citizens write "call me at 403 555 0199"
/// or paste a link to their own photo album.
/// </summary>
public static partial class ContactDetails
{
    public const string Removed = "[removed]";

    /// <param name="region">The region whose way of writing phone numbers is tried first (ISO 3166 code, e.g. "CA").</param>
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
