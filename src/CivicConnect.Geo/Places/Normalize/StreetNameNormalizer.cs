namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// One street expression ("Macleod Trail S", "MACLEOD TR", "17th Ave SW", "la 17e Avenue SO",
/// "NB DEERFOOT TR NE") to a <see cref="StreetName"/>. The same code reads the City's files and
/// what citizens type, so the two always meet on the same key.
/// </summary>
public static class StreetNameNormalizer
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "the", "la", "le", "l", "de", "du", "des", "on", "sur", "of",
        "nb", "sb", "eb", "wb", "northbound", "southbound", "eastbound", "westbound",
    };

    public static StreetName? Normalize(string expression) => FromWords(PlaceWords.Split(expression));

    /// <summary>Words already folded by <see cref="PlaceWords"/>; null when no street name is left.</summary>
    public static StreetName? FromWords(IReadOnlyList<string> words)
    {
        var list = words.Where(w => !Noise.Contains(w)).ToList();
        if (list.Count == 0 || list.Contains("ramp"))
        {
            return null;
        }

        var quadrant = TakeQuadrant(list);
        string? type = null;
        if (list.Count >= 2 && StreetTypeWords.TryShort(list[^1]) is { } last)
        {
            type = last;
            list.RemoveAt(list.Count - 1);
        }
        else if (list.Count >= 2 && StreetTypeWords.TryShortMisspelt(list[^1]) is { } misspelt)
        {
            type = misspelt;
            list.RemoveAt(list.Count - 1);
        }
        else if (list.Count >= 2 && StreetTypeWords.TryShort(list[0]) is { } first && !StreetTypeWords.IsWeak(list[0]))
        {
            // French order: "rue 17", "boulevard Crowchild".
            type = first;
            list.RemoveAt(0);
        }

        // A quadrant may also sit between the name and the type's absence: "Deerfoot NE".
        quadrant ??= TakeQuadrant(list);
        // A lone type or quadrant word ("Ave", "SW") names no street.
        if (list.Count == 0 || (list.Count == 1 && type is null && (StreetTypeWords.TryShort(list[0]) is not null || Quadrants.TryOne(list[0]) is not null)))
        {
            return null;
        }

        return new StreetName(string.Join(' ', list), type, quadrant);
    }

    private static string? TakeQuadrant(List<string> list)
    {
        if (list.Count >= 3 && Quadrants.TryTwoWords(list[^2], list[^1]) is { } two)
        {
            list.RemoveRange(list.Count - 2, 2);
            return two;
        }

        if (list.Count >= 2 && Quadrants.TryOne(list[^1]) is { } one)
        {
            list.RemoveAt(list.Count - 1);
            return one;
        }

        return null;
    }
}
