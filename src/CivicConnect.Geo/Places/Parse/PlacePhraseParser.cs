using System.Globalization;
using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Parse;

/// <summary>
/// Reads the phrasings people use for a place, in any order: "A and B", "A &amp; B", "A at B",
/// "corner of A and B", "A approaching B", "north of B on A", "A between B and C", "815 7 Ave SW",
/// "the 1000 block of 9 Ave SW", "coin de la 17e Avenue et de la 4e Rue SO", a bare named place
/// or "in Bowness". Returns the readings to try, most specific first; nothing is looked up here.
/// </summary>
public static class PlacePhraseParser
{
    /// <summary>Longer text is a description, not a place: the dialog extracts place words first.</summary>
    public const int MaxLength = 300;

    private static readonly HashSet<string> Leading = new(StringComparer.Ordinal)
    {
        "at", "the", "corner", "intersection", "of", "coin", "au", "a", "de", "la", "le", "l", "du", "on", "sur", "its", "it", "is", "located",
    };

    private static readonly HashSet<string> Travel = new(StringComparer.Ordinal)
    {
        "nb", "sb", "eb", "wb", "northbound", "southbound", "eastbound", "westbound", "lanes", "lane",
    };

    private static readonly Dictionary<string, PhrasingKind> Connectors = new(StringComparer.Ordinal)
    {
        ["&"] = PhrasingKind.Corner, ["@"] = PhrasingKind.Corner, ["/"] = PhrasingKind.Corner, ["and"] = PhrasingKind.Corner,
        ["at"] = PhrasingKind.Corner, ["et"] = PhrasingKind.Corner, ["with"] = PhrasingKind.Corner, ["x"] = PhrasingKind.Corner,
        ["approaching"] = PhrasingKind.Approaching, ["after"] = PhrasingKind.Approaching, ["past"] = PhrasingKind.Approaching,
        ["before"] = PhrasingKind.Approaching, ["near"] = PhrasingKind.Approaching, ["by"] = PhrasingKind.Approaching,
        ["pres"] = PhrasingKind.Approaching, ["apres"] = PhrasingKind.Approaching, ["avant"] = PhrasingKind.Approaching,
    };

    private static readonly Dictionary<string, string> Compass = new(StringComparer.Ordinal)
    {
        ["north"] = "N", ["south"] = "S", ["east"] = "E", ["west"] = "W", ["n"] = "N", ["s"] = "S", ["e"] = "E", ["w"] = "W",
        ["nord"] = "N", ["sud"] = "S", ["est"] = "E", ["ouest"] = "W",
    };

    private static readonly Dictionary<string, string> TravelDirection = new(StringComparer.Ordinal)
    {
        ["nb"] = "N", ["northbound"] = "N", ["sb"] = "S", ["southbound"] = "S", ["eb"] = "E", ["eastbound"] = "E", ["wb"] = "W", ["westbound"] = "W",
    };

    /// <summary>Connectors that put the place before the corner (upstream of the traffic) rather than after it.</summary>
    private static readonly HashSet<string> Upstream = new(StringComparer.Ordinal) { "approaching", "before", "avant" };

    private static readonly HashSet<string> Downstream = new(StringComparer.Ordinal) { "after", "past", "apres" };

    public static IReadOnlyList<PlacePhrase> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return [];
        }

        var all = PlaceWords.Split(text);
        var travel = all.Select(w => TravelDirection.GetValueOrDefault(w)).FirstOrDefault(d => d is not null);
        var words = all.Where(w => !Travel.Contains(w)).ToList();
        var start = 0;
        while (start < words.Count - 1 && Leading.Contains(words[start]))
        {
            start++;
        }

        words = words[start..];
        if (words.Count == 0)
        {
            return [];
        }

        var quadrant = TrailingQuadrant(words);
        var readings = new List<PlacePhrase>();
        AddBetween(words, quadrant, readings);
        AddDirectionOf(words, quadrant, readings);
        AddCorner(words, quadrant, travel, readings);
        AddAddress(words, quadrant, readings);
        AddNamed(words, readings.Count > 0, readings);
        return readings;
    }

    private static string? TrailingQuadrant(List<string> words)
    {
        if (words.Count >= 2 && Quadrants.TryTwoWords(words[^2], words[^1]) is { } two)
        {
            return two;
        }

        return words.Count >= 2 && Quadrants.TryOne(words[^1]) is { Length: 2 } one ? one : null;
    }

    private static void AddBetween(List<string> words, string? quadrant, List<PlacePhrase> readings)
    {
        var at = words.FindIndex(w => w is "between" or "entre");
        if (at <= 0)
        {
            return;
        }

        var rest = words[(at + 1)..];
        var and = rest.FindIndex(w => w is "and" or "&" or "et");
        if (and > 0 && Street(words[..at], quadrant) is { } street && Street(rest[..and], quadrant) is { } from && Street(rest[(and + 1)..], quadrant) is { } to)
        {
            readings.Add(new BetweenPhrase(street, from, to));
        }
    }

    private static void AddDirectionOf(List<string> words, string? quadrant, List<PlacePhrase> readings)
    {
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!Compass.TryGetValue(words[i], out var towards) || words[i + 1] is not ("of" or "de" or "du"))
            {
                continue;
            }

            // "A north of B" and "north of B on A".
            var on = words.FindIndex(i + 2, w => w is "on" or "sur");
            var (along, cross) = i > 0
                ? (words[..i], words[(i + 2)..])
                : on > i + 2 ? (words[(on + 1)..], words[(i + 2)..on]) : ([], []);
            if (Street(along, quadrant) is { } a && Street(cross, quadrant) is { } b)
            {
                readings.Add(new CornerPhrase(PhrasingKind.DirectionOf, a, b, towards));
            }

            return;
        }
    }

    private static void AddCorner(List<string> words, string? quadrant, string? travel, List<PlacePhrase> readings)
    {
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (!Connectors.TryGetValue(words[i], out var how))
            {
                continue;
            }

            var second = words[(i + 1)..];
            while (second.Count > 0 && Leading.Contains(second[0]))
            {
                second.RemoveAt(0);
            }

            if (Street(words[..i], quadrant) is { } a && Street(second, quadrant) is { } b && a.Key != b.Key)
            {
                // "Southbound A approaching B" is north of the corner; "… past B" south of it.
                var towards = travel is null ? null : Upstream.Contains(words[i]) ? Opposite(travel) : Downstream.Contains(words[i]) ? travel : null;
                readings.Add(new CornerPhrase(how, a, b, towards));
            }

            if (how == PhrasingKind.Approaching && Street(words[..i], quadrant) is { } along)
            {
                // "Macleod Trail by the Co-op": the words after may name a place rather than a street.
                readings.Add(new NamedPhrase(string.Join(' ', second), along));
            }

            return;
        }
    }

    private static void AddAddress(List<string> words, string? quadrant, List<PlacePhrase> readings)
    {
        // "the 1000 block of 9 Ave SW"
        var block = words.IndexOf("block");
        if (block >= 1 && Number(words[block - 1], out var hundred, out _))
        {
            var rest = words[(block + 1)..];
            if (rest.Count > 0 && rest[0] == "of")
            {
                rest.RemoveAt(0);
            }

            if (Street(rest, quadrant) is { Type: not null } street)
            {
                readings.Add(new AddressPhrase(hundred, null, street, Block: true));
            }

            return;
        }

        if (words.Count >= 3 && Number(words[0], out var number, out var suffix) && Street(words[1..], quadrant) is { Type: not null } on)
        {
            readings.Add(new AddressPhrase(number, suffix, on, Block: false));
        }
    }

    private static void AddNamed(List<string> words, bool looksLikeStreets, List<PlacePhrase> readings)
    {
        var named = words.Where(w => w is not ("&" or "@" or "/")).ToList();
        while (named.Count > 1 && named[0] is "in" or "dans" or "near" or "by" or "pres" or "the")
        {
            named.RemoveAt(0);
        }

        if (named.Count > 0)
        {
            readings.Add(new NamedPhrase(string.Join(' ', named), null, looksLikeStreets));
        }
    }

    private static string Opposite(string direction) => direction switch { "N" => "S", "S" => "N", "E" => "W", _ => "E" };

    private static StreetName? Street(List<string> words, string? quadrant) =>
        words.Count is 0 or > 6 ? null : StreetNameNormalizer.FromWords(words)?.WithQuadrant(quadrant);

    private static bool Number(string word, out int number, out string? suffix)
    {
        suffix = null;
        var digits = word.TakeWhile(char.IsAsciiDigit).Count();
        if (digits is 0 or > 6 || word.Length - digits > 1)
        {
            number = 0;
            return false;
        }

        suffix = word.Length > digits ? word[digits..].ToUpperInvariant() : null;
        return int.TryParse(word.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
