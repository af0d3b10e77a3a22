using CivicConnect.Core.Text;
using System.Text.RegularExpressions;

namespace CivicConnect.Geo.Locating;

/// <summary>
/// Normalises how people write places so they compare equal: "17th Avenue South West and 4 St"
/// → "17 ave sw & 4 st". Accents are folded; connectors (and, at, /, et, coin) become "&amp;".
/// </summary>
public static partial class PlaceText
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["avenue"] = "ave", ["av"] = "ave", ["street"] = "st", ["str"] = "st", ["road"] = "rd", ["trail"] = "tr", ["trl"] = "tr",
        ["drive"] = "dr", ["boulevard"] = "blvd", ["crescent"] = "cres", ["southwest"] = "sw", ["southeast"] = "se",
        ["northwest"] = "nw", ["northeast"] = "ne", ["south"] = "s", ["north"] = "n", ["east"] = "e", ["west"] = "w",
        ["and"] = "&", ["at"] = "&", ["et"] = "&", ["coin"] = "&", ["rue"] = "st", ["the"] = string.Empty,
    };

    public static string Normalize(string text)
    {
        var folded = TextFolding.FoldLower(text);

        var spaced = Separators().Replace(folded, m => m.Value.AsSpan().IndexOfAny("&/@") >= 0 ? " & " : " ");
        var tokens = spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Ordinal().Replace(t, "$1"))
            .Select(t => Words.TryGetValue(t, out var replacement) ? replacement : t)
            .Where(t => t.Length > 0);
        var joined = string.Join(' ', tokens);

        // "south west" written as two words.
        return QuadrantPair().Replace(joined, m => m.Groups[1].Value[0].ToString() + m.Groups[2].Value[0]);
    }

    [GeneratedRegex(@"[^a-z0-9]+|&|/|@")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(\d+)(st|nd|rd|th|e|eme)$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b([ns]) ([ew])\b")]
    private static partial Regex QuadrantPair();
}
