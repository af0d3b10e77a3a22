using System.Text.RegularExpressions;
using CivicConnect.Core.Privacy;
using PhoneNumbers;

namespace CivicConnect.Channels.Privacy;

/// <summary>
/// <see cref="IContactRedactor"/> with libphonenumber: citizens write "call me at 403 555 0199" or paste
/// a link to their own photo album.
/// </summary>
public sealed partial class ContactDetailsRedactor : IContactRedactor
{
    private const string Removed = IContactRedactor.Removed;

    public string Redact(string text, string region)
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
