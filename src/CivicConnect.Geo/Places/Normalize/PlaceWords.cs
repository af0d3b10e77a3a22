using System.Text.RegularExpressions;
using CivicConnect.Core.Text;

namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// Text to the words every place comparison uses: lower case, no accents, no apostrophes
/// ("Tsuut'ina" → "tsuutina"), punctuation as spaces, ordinals as digits ("seventeenth", "17th",
/// "17e", "17ème" → "17"). Separators that carry meaning ("&amp;", "@", "/") become words.
/// </summary>
public static partial class PlaceWords
{
    public static string[] Split(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Fold(string text)
    {
        var lower = TextFolding.FoldLower(text);
        lower = lower.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
        lower = lower.Replace("&", " & ", StringComparison.Ordinal).Replace("@", " @ ", StringComparison.Ordinal).Replace("/", " / ", StringComparison.Ordinal).Replace("+", " & ", StringComparison.Ordinal);
        lower = NotWord().Replace(lower, " ");
        lower = OrdinalWords.ToDigits(lower);
        lower = NumberSuffix().Replace(lower, "$1");
        return Spaces().Replace(lower, " ").Trim();
    }

    [GeneratedRegex(@"[^a-z0-9&@/]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotWord();

    // 17th, 1st, 2nd, 3rd, 17e, 17eme, 17ieme, 1er, 1re (French) → 17, 1.
    [GeneratedRegex(@"\b(\d+)(?:st|nd|rd|th|e|eme|ieme|er|re)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumberSuffix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
