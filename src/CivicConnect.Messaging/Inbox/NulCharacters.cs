using CivicConnect.Core.Messages;

namespace CivicConnect.Messaging.Inbox;

/// <summary>
/// PostgreSQL refuses U+0000 in text and jsonb, so a message carrying one (a broken phone, a
/// hostile sender) would fail its inbox insert with a server error and be lost. No citizen means
/// anything by it: it is removed from every text field before the message is stored.
/// </summary>
internal static class NulCharacters
{
    public static Activity Remove(Activity activity)
    {
        if (!Has(activity.Id) && !Has(activity.Address) && !Has(activity.Text) && !Has(activity.Locale) && !Has(activity.SenderName)
            && !activity.Attachments.Any(a => Has(a.Name) || Has(a.Url) || Has(a.ContentType)))
        {
            return activity;
        }

        return activity with
        {
            Id = Strip(activity.Id)!,
            Address = Strip(activity.Address)!,
            Text = Strip(activity.Text),
            Locale = Strip(activity.Locale),
            SenderName = Strip(activity.SenderName),
            Attachments = [.. activity.Attachments.Select(a => a with { Name = Strip(a.Name), Url = Strip(a.Url), ContentType = Strip(a.ContentType)! })],
        };
    }

    private static bool Has(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    private static string? Strip(string? value) => Has(value) ? value!.Replace("\0", string.Empty, StringComparison.Ordinal) : value;
}
