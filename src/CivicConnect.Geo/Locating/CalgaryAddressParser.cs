using System.Globalization;
using CivicConnect.Core.Text;
using System.Text.RegularExpressions;

namespace CivicConnect.Geo.Locating;

/// <summary>
/// Turns how people in Calgary write a place into a <see cref="LocationQuery"/>: quadrant
/// addresses ("1234 17 Ave SW"), intersections ("17 Ave &amp; 4 St SW", "coin de la 17e Avenue SO
/// et de la 4e Rue SO"), numbered streets in words ("seventeenth avenue") and named places.
/// Parsing first lets the geocoder get a structured street and lets the cache key ignore spelling.
/// </summary>
public static partial class CalgaryAddressParser
{
    /// <summary>Longer than any real address; a wall of text is not a place and is never sent on.</summary>
    public const int MaxLength = 200;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "de", "la", "le", "du", "des", "the", "of" };

    private static readonly Dictionary<string, string> Quadrants = new(StringComparer.Ordinal)
    {
        ["sw"] = "SW", ["se"] = "SE", ["nw"] = "NW", ["ne"] = "NE",
        ["so"] = "SW", ["no"] = "NW", // French: sud-ouest, nord-ouest
        ["n"] = "N", ["s"] = "S", ["e"] = "E", ["w"] = "W", ["o"] = "W",
        ["north"] = "N", ["south"] = "S", ["east"] = "E", ["west"] = "W",
        ["nord"] = "N", ["sud"] = "S", ["est"] = "E", ["ouest"] = "W",
        ["southwest"] = "SW", ["southeast"] = "SE", ["northwest"] = "NW", ["northeast"] = "NE",
        ["sudouest"] = "SW", ["sudest"] = "SE", ["nordouest"] = "NW", ["nordest"] = "NE",
    };

    /// <summary>The structured query, or null when the text cannot be a place (empty, too long, no words).</summary>
    public static LocationQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var cleaned = Clean(text);
        var parts = Connectors().Split(cleaned)
            .Select(p => p.Trim())
            .Where(p => p.Any(char.IsAsciiLetterOrDigit))
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            var only = ParsePart(parts[0]);
            if (only.IsPlain)
            {
                return new LocationQuery(LocationQueryKind.Place, Place: PlaceName(parts[0]));
            }

            return only.HouseNumber is null
                ? new LocationQuery(LocationQueryKind.Street, Street: only.Street)
                : new LocationQuery(LocationQueryKind.Address, only.HouseNumber, only.Street);
        }

        var (first, second) = ShareQuadrant(ParsePart(parts[0]).Street, ParsePart(parts[1]).Street);
        return new LocationQuery(LocationQueryKind.Intersection, Street: first, CrossStreet: second);
    }

    // "17 Ave & 4 St SW": the quadrant written once applies to both numbered streets. A named
    // street ("Glenmore") does not take it: named trails carry no quadrant in the city's naming.
    private static (StreetRef, StreetRef) ShareQuadrant(StreetRef a, StreetRef b)
    {
        if (a.Quadrant is null && b.Quadrant is not null && a.IsNumbered)
        {
            a = a with { Quadrant = b.Quadrant };
        }
        else if (b.Quadrant is null && a.Quadrant is not null && b.IsNumbered)
        {
            b = b with { Quadrant = a.Quadrant };
        }

        return (a, b);
    }

    private static string Clean(string text)
    {
        var folded = TextFolding.FoldLower(text);

        var s = folded.Replace('’', '\'');
        s = OrdinalWords.ToDigits(s);
        s = Elision().Replace(s, " ");
        s = CityTail().Replace(s, string.Empty);
        s = PostalCode().Replace(s, string.Empty);
        s = Lead().Replace(s, string.Empty);
        s = FrenchHouseComma().Replace(s, "$1 ");
        return s.Trim();
    }

    private static Part ParsePart(string part)
    {
        var tokens = Tokens().Matches(part)
            .Select(m => OrdinalSuffix().Replace(m.Value, "$1"))
            .Where(t => !Fillers.Contains(t))
            .ToList();

        string? quadrant = null;
        if (tokens.Count >= 3 && Quadrants.TryGetValue(tokens[^2] + tokens[^1], out var pair) && pair.Length == 2)
        {
            quadrant = pair;
            tokens.RemoveRange(tokens.Count - 2, 2);
        }
        else if (tokens.Count >= 2 && Quadrants.TryGetValue(tokens[^1], out var single))
        {
            quadrant = single;
            tokens.RemoveAt(tokens.Count - 1);
        }

        string? type = null;
        if (tokens.Count >= 2 && StreetTypes.TryShort(tokens[^1]) is { } trailing)
        {
            type = trailing;
            tokens.RemoveAt(tokens.Count - 1);
        }
        else if (tokens.Count >= 2 && StreetTypes.TryShort(tokens[0]) is { } leading)
        {
            // "rue Centre", "avenue 17": French puts the type first.
            type = leading;
            tokens.RemoveAt(0);
        }

        string? house = null;
        if (tokens.Count >= 2 && (type is not null || quadrant is not null) && HouseNumber().IsMatch(tokens[0]))
        {
            house = tokens[0].ToUpperInvariant();
            tokens.RemoveAt(0);
        }

        var name = string.Join(' ', tokens.Select(TitleWord));
        var street = new StreetRef(name, type, quadrant);
        return new Part(house, street, IsPlain: type is null && quadrant is null && house is null && !street.IsNumbered);
    }

    private static string TitleWord(string word) =>
        word.All(char.IsAsciiDigit) ? word : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word);

    private static string PlaceName(string part)
    {
        var kept = PlaceNoise().Replace(part, " ");
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Spaces().Replace(kept, " ").Trim());
    }

    private sealed record Part(string? HouseNumber, StreetRef Street, bool IsPlain);

    [GeneratedRegex(@"\s*(?:&|/|@|\+|,|\band\b|\bat\b|\bet\b|\bx\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Connectors();

    // "corner of", "at the corner of", "coin de la", "à l'angle de", "near": how people lead into a place.
    [GeneratedRegex(@"^\s*(?:(?:at|near|by|on|in|the|corner|of|intersection|coin|au|a|angle|de|la|le|du|pres|outside|across|from)\b[\s,:]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    // French writes "1234, 17e Avenue S.-O.": that comma is not a connector.
    [GeneratedRegex(@"^(\d{1,6}[a-z]?)\s*,\s*(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchHouseComma();

    [GeneratedRegex(@"\b[ld]'", RegexOptions.CultureInvariant)]
    private static partial Regex Elision();

    [GeneratedRegex(@"(?:,\s*calgary\b.*$|\s+calgary,?\s+(?:ab|alberta)\b.*$|,\s*(?:ab|alberta|canada)\b.*$)", RegexOptions.CultureInvariant)]
    private static partial Regex CityTail();

    [GeneratedRegex(@"\b[a-z]\d[a-z]\s?\d[a-z]\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(\d+)(?:st|nd|rd|th|e|er|re|eme|ieme)$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"^\d{1,6}[a-z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex HouseNumber();

    [GeneratedRegex(@"[^a-z0-9' .-]", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceNoise();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
