using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// Ordinals written in words ("seventeenth", "twenty-first", "ninety-ninth") to digits, because
/// Calgary numbers most of its avenues and streets and people spell them out when they dictate.
/// </summary>
public static partial class OrdinalWords
{
    private static readonly string[] Units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

    private static readonly string[] Teens =
        ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

    private static readonly string[] TensCardinal = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] TensOrdinal = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static readonly Dictionary<string, int> Single = BuildSingle();

    /// <summary>Replaces every ordinal word (1–99) in lower-case text with its number.</summary>
    public static string ToDigits(string lowerText)
    {
        var compounds = Compound().Replace(lowerText, m =>
            (((Array.IndexOf(TensCardinal, m.Groups["tens"].Value) + 2) * 10) + Array.IndexOf(Units, m.Groups["unit"].Value) + 1)
                .ToString(CultureInfo.InvariantCulture));
        return Word().Replace(compounds, m => Single.TryGetValue(m.Value, out var n) ? n.ToString(CultureInfo.InvariantCulture) : m.Value);
    }

    private static Dictionary<string, int> BuildSingle()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Units.Length; i++)
        {
            map[Units[i]] = i + 1;
        }

        for (var i = 0; i < Teens.Length; i++)
        {
            map[Teens[i]] = i + 10;
        }

        for (var i = 0; i < TensOrdinal.Length; i++)
        {
            map[TensOrdinal[i]] = (i + 2) * 10;
        }

        return map;
    }

    [GeneratedRegex(@"\b(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+(?<unit>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();

    [GeneratedRegex(@"\b[a-z]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
