namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// The city's quadrants (NW, NE, SW, SE) and the axis halves on the dividing streets (N, S, E, W:
/// "Centre St N", "Macleod Trail S"), in English and French, to one short form.
/// </summary>
public static class Quadrants
{
    private static readonly Dictionary<string, string> OneWord = new(StringComparer.Ordinal)
    {
        ["nw"] = "NW", ["ne"] = "NE", ["sw"] = "SW", ["se"] = "SE",
        ["northwest"] = "NW", ["northeast"] = "NE", ["southwest"] = "SW", ["southeast"] = "SE",
        ["no"] = "NW", ["so"] = "SW", // French: nord-ouest, sud-ouest (NE and SE are the same letters)
        ["nordouest"] = "NW", ["nordest"] = "NE", ["sudouest"] = "SW", ["sudest"] = "SE",
        ["n"] = "N", ["s"] = "S", ["e"] = "E", ["w"] = "W",
        ["north"] = "N", ["south"] = "S", ["east"] = "E", ["west"] = "W",
        ["nord"] = "N", ["sud"] = "S", ["est"] = "E", ["ouest"] = "W", ["o"] = "W",
    };

    /// <summary>"north west" → "NW" when two words make one quadrant; null otherwise.</summary>
    public static string? TryTwoWords(string first, string second) =>
        TryOne(first) is { Length: 1 } a && TryOne(second) is { Length: 1 } b && (a is "N" or "S") && (b is "E" or "W") ? a + b : null;

    /// <summary>"sw", "southwest", "so" → "SW"; "n" → "N"; null when the lower-case word is not a quadrant.</summary>
    public static string? TryOne(string lowerWord) => OneWord.GetValueOrDefault(lowerWord);

    /// <summary>
    /// Whether a place written with <paramref name="asked"/> can be one known in <paramref name="known"/>:
    /// equal, or an axis half that covers a quadrant ("S" covers SE and SW), or either unknown.
    /// </summary>
    public static bool Compatible(string? asked, string? known)
    {
        if (asked is null || known is null || asked == known)
        {
            return true;
        }

        return (asked.Length == 1 && known.Contains(asked, StringComparison.Ordinal))
            || (known.Length == 1 && asked.Contains(known, StringComparison.Ordinal));
    }
}
