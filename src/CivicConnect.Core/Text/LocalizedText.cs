namespace CivicConnect.Core.Text;

/// <summary>Text in every language the city offers, keyed by locale ("en", "fr"); stored as jsonb.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public LocalizedText(IDictionary<string, string> values)
        : base(values, StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The text in <paramref name="locale"/>, else English, else any language there is.</summary>
    public string For(string? locale)
    {
        if (locale is not null && TryGetValue(locale, out var text))
        {
            return text;
        }

        if (TryGetValue("en", out var english))
        {
            return english;
        }

        return Values.FirstOrDefault() ?? string.Empty;
    }
}
