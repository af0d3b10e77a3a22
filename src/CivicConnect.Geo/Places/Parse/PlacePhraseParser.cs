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

    /// <summary>Words that end a street name read leftwards from a connector: "pothole on | 17 ave sw at 4 st".</summary>
    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "on", "near", "by", "in", "of", "from", "is", "are", "was", "there", "a", "an", "the", "my", "our", "corner", "intersection",
        "sur", "pres", "dans", "coin", "de", "la", "le", "l", "du", "des", "au", "une", "un", "est", "il", "y",
        "&", "@", "/", "and", "at", "et", "approaching", "after", "past", "before", "between", "entre",
    };

    private const int MaxStreetWords = 6;

    /// <summary>Types that make a phrase a street even alone ("Rocky Ridge Rd"); "Auburn Bay" or "Signal Hill" are places.</summary>
    private static readonly HashSet<string> StrongTypes = new(StringComparer.Ordinal) { "AV", "ST", "TR", "DR", "BV", "RD", "WY", "CR", "GA", "PY", "HW" };

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
        // A phrase shaped like streets ("Stoney Trail and 69 Street SW", or "17 Ave SW" alone) is never a misspelt place name.
        var alone = words.Count <= MaxStreetWords && readings.Count == 0 && Street(words, quadrant) is { Type: { } type } street && StrongTypes.Contains(type) ? street : null;
        if (alone is not null)
        {
            readings.Add(new StreetPhrase(alone));
        }

        var streetShaped = alone is not null || readings.Any(r => r is CornerPhrase { First: var a, Second: var b } && IsStreetShaped(a) && IsStreetShaped(b));
        AddNamed(words, streetShaped, readings);
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
        if (and > 0 && Street(Left(words, at), quadrant) is { } street && Street(rest[..and], quadrant) is { } from && Street(Right(rest, and + 1), quadrant) is { } to)
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
                ? (Left(words, i), Right(words, i + 2))
                : on > i + 2 ? (Right(words, on + 1), words[(i + 2)..on]) : ([], []);
            if (Street(along, quadrant) is { } a && Street(cross, quadrant) is { } b)
            {
                readings.Add(new CornerPhrase(PhrasingKind.DirectionOf, a, b, towards));
            }

            return;
        }
    }

    /// <summary>
    /// Every connector is tried ("huge pothole at 17 ave sw and 14 st sw"): readings where both
    /// sides carry a street type or a number come first, then the others ("Crowchild and Bow").
    /// </summary>
    private static void AddCorner(List<string> words, string? quadrant, string? travel, List<PlacePhrase> readings)
    {
        var strong = new List<PlacePhrase>();
        var weak = new List<PlacePhrase>();
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (!Connectors.TryGetValue(words[i], out var how))
            {
                continue;
            }

            var left = Left(words, i);
            var right = Right(words, i + 1);
            if (Street(left, quadrant) is { } a && Street(right, quadrant) is { } b && a.Key != b.Key)
            {
                // "Crowchild Trail NW & 24 Ave": a numbered street takes the quadrant the other names.
                (a, b) = (a.IsNumbered ? a.WithQuadrant(b.Quadrant) : a, b.IsNumbered ? b.WithQuadrant(a.Quadrant) : b);
                // "Southbound A approaching B" is north of the corner; "… past B" south of it.
                var towards = travel is null ? null : Upstream.Contains(words[i]) ? Opposite(travel) : Downstream.Contains(words[i]) ? travel : null;
                (IsStreetShaped(a) && IsStreetShaped(b) ? strong : weak).Add(new CornerPhrase(how, a, b, towards));
            }

            if (how == PhrasingKind.Approaching && Street(left, quadrant) is { } along)
            {
                // "Macleod Trail by the Co-op": the words after may name a place rather than a street.
                weak.Add(new NamedPhrase(string.Join(' ', Rest(words, i + 1)), along));
            }
        }

        readings.AddRange(strong);
        readings.AddRange(weak);
    }

    private static bool IsStreetShaped(StreetName street) => street.Type is not null || street.IsNumbered;

    /// <summary>The street name that ends just before <paramref name="end"/>, read leftwards to a stop word.</summary>
    private static List<string> Left(List<string> words, int end)
    {
        var start = end;
        while (start > 0 && end - start < MaxStreetWords && !Stops.Contains(words[start - 1]))
        {
            start--;
        }

        return words[start..end];
    }

    /// <summary>The street name that starts at <paramref name="start"/>: up to its type word and quadrant, or to a stop word.</summary>
    private static List<string> Right(List<string> words, int start)
    {
        var rest = Rest(words, start);
        var taken = new List<string>();
        foreach (var word in rest)
        {
            if (taken.Count > 0 && (Stops.Contains(word) || taken.Count >= MaxStreetWords))
            {
                break;
            }

            if (taken.Count > 0 && StreetTypeWords.TryShort(taken[^1]) is not null && !StreetTypeWords.IsWeak(taken[^1]) && Quadrants.TryOne(word) is null)
            {
                break;
            }

            if (taken.Count > 1 && Quadrants.TryOne(taken[^1]) is { Length: 2 })
            {
                break;
            }

            taken.Add(word);
        }

        return taken;
    }

    /// <summary>The words from <paramref name="start"/> without the articles and fillers that lead them.</summary>
    private static List<string> Rest(List<string> words, int start)
    {
        var rest = words[start..];
        while (rest.Count > 0 && Leading.Contains(rest[0]))
        {
            rest.RemoveAt(0);
        }

        return rest;
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

        // "815 7 Ave SW", also inside a sentence: "pothole in front of 815 7 Ave SW".
        for (var k = 0; k < words.Count - 2; k++)
        {
            if ((k == 0 || Stops.Contains(words[k - 1])) && Number(words[k], out var number, out var suffix)
                && Street(Right(words, k + 1), quadrant) is { Type: not null } on)
            {
                readings.Add(new AddressPhrase(number, suffix, on, Block: false));
                return;
            }
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
