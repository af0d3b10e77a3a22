using System.Text;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>What reaches the model: control characters and binary junk removed, length bounded.</summary>
internal static class InputText
{
    /// <summary>The model reads at most 256 word pieces; more text costs time and adds nothing.</summary>
    public const int MaxCharacters = 2000;

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxCharacters));
        foreach (var ch in text)
        {
            if (builder.Length >= MaxCharacters)
            {
                break;
            }

            if (char.IsControl(ch))
            {
                if (char.IsWhiteSpace(ch))
                {
                    builder.Append(' ');
                }
            }
            else if (ch != '\uFFFD' && !char.IsSurrogate(ch))
            {
                // Emoji (surrogate pairs) and replacement characters carry no category.
                builder.Append(ch);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Only emoji, punctuation or junk: nothing a category could be read from.</summary>
    public static bool HasWords(string clean) => clean.Count(char.IsLetter) >= 2;
}
