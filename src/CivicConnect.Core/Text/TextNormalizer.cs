using System.Text;

namespace CivicConnect.Core.Text;

/// <summary>Lower-cases, strips accents and collapses punctuation so "Nid-de-poule!" and "nid de poule" compare equal.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = TextFolding.FoldLower(text);
        var builder = new StringBuilder(folded.Length + 2);
        builder.Append(' ');
        var lastWasSpace = true;
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch) || ch == '\'')
            {
                builder.Append(ch == '\'' ? ' ' : ch);
                lastWasSpace = ch == '\'';
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        if (!lastWasSpace)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>True when the normalized <paramref name="phrase"/> occurs as whole words in normalized <paramref name="text"/>.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase)
    {
        var needle = Normalize(phrase);
        return needle.Length > 2 && normalizedText.Contains(needle, StringComparison.Ordinal);
    }
}
