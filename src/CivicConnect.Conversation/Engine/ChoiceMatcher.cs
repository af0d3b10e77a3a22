using System.Globalization;
using CivicConnect.Conversation.Activities;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Engine;

/// <summary>
/// Maps a reply onto the choices last offered: a number ("2", "#2"), the value a button sends
/// back, or the title typed out (accents and case ignored).
/// </summary>
internal static class ChoiceMatcher
{
    public static string? Match(IReadOnlyList<Choice> offered, string text)
    {
        if (offered.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().TrimStart('#').TrimEnd('.', ')');
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= offered.Count)
        {
            return offered[number - 1].Value;
        }

        var normalized = TextNormalizer.Normalize(text).Trim();
        foreach (var choice in offered)
        {
            if (string.Equals(choice.Value, text.Trim(), StringComparison.OrdinalIgnoreCase)
                || TextNormalizer.Normalize(choice.Title).Trim() == normalized)
            {
                return choice.Value;
            }
        }

        return null;
    }
}
