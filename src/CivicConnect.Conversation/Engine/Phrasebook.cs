using System.Globalization;
using System.Text;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// The words of one turn: messages in the conversation's language (a channel-specific variant
/// such as <c>help.sms</c> wins), and keyword recognition in every language the dialogs define.
/// </summary>
public sealed class Phrasebook(DialogSet dialogs, string locale, string channel, string cityName, TimeZoneInfo timeZone)
{
    private readonly LocaleText text = dialogs.Locales.TryGetValue(locale, out var found) ? found : dialogs.Locales.Values.First();

    public string Locale => text.Locale;

    public string Say(string key, params (string Name, object? Value)[] values)
    {
        var template = text.Messages.TryGetValue($"{key}.{channel}", out var variant)
            ? variant
            : text.Messages.TryGetValue(key, out var message) ? message : key;
        var builder = new StringBuilder(template).Replace("{city}", cityName);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public bool Has(string key) => text.Messages.ContainsKey(key) || text.Messages.ContainsKey($"{key}.{channel}");

    /// <summary>A moment in the city's time, written with the locale's <paramref name="formatKey"/> pattern.</summary>
    public string Date(DateTimeOffset moment, string formatKey = "date_format")
    {
        var local = TimeZoneInfo.ConvertTime(moment, timeZone);
        return local.ToString(Say(formatKey), CultureInfo.GetCultureInfo(text.Locale));
    }

    /// <summary>True when the whole message is one of the keywords in any language.</summary>
    public bool IsExactly(string keywordSet, string normalized) =>
        normalized.Length > 0 && AllKeywords(keywordSet).Any(k => TextNormalizer.Normalize(k).Trim() == normalized);

    /// <summary>True when the message is, or starts with, one of the keywords ("yes", "yes it is").</summary>
    public bool StartsWith(string keywordSet, string normalized) =>
        normalized.Length > 0 && AllKeywords(keywordSet).Select(k => TextNormalizer.Normalize(k).Trim()).Any(k => k.Length > 0 && (normalized == k || normalized.StartsWith(k + " ", StringComparison.Ordinal)));

    /// <summary>The language whose <c>switchTo</c> words the message is, if any.</summary>
    public string? LanguageSwitch(string normalized) =>
        dialogs.Locales.Values.FirstOrDefault(l => l.Keywords.TryGetValue("switchTo", out var words) && words.Any(w => TextNormalizer.Normalize(w).Trim() == normalized))?.Locale;

    public static string? DetectLocale(DialogSet dialogs, string normalizedText)
    {
        foreach (var locale in dialogs.Locales.Values)
        {
            if (locale.Keywords.TryGetValue("languageHints", out var hints) && hints.Any(h => TextNormalizer.ContainsPhrase(normalizedText, h)))
            {
                return locale.Locale;
            }
        }

        return null;
    }

    public Choice Choice(string value, string key) => new(value, Say(key));

    private IEnumerable<string> AllKeywords(string keywordSet) =>
        dialogs.Locales.Values.SelectMany(l => l.Keywords.TryGetValue(keywordSet, out var words) ? words : []);
}
