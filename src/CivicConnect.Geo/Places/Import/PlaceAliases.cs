using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// The ways people say a named place: its folded name, and without the words they drop
/// ("Rockyview General Hospital" → "rockyview hospital", "rockyview"; "the Saddledome").
/// </summary>
public static class PlaceAliases
{
    private static readonly HashSet<string> Droppable = new(StringComparer.Ordinal)
    {
        "the", "general", "scotiabank", "calgary", "public", "library", "community", "centre", "center", "association",
        "school", "elementary", "junior", "senior", "high", "station", "park", "provincial", "regional", "memorial",
    };

    /// <param name="bareWord">Whether one remaining word may stand alone ("Saddledome"); not for libraries or schools named after their community.</param>
    public static IReadOnlyList<string> Expand(IEnumerable<string> names, bool bareWord = false)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var words = PlaceWords.Split(name).Where(w => w is not ("&" or "@" or "/")).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            aliases.Add(string.Join(' ', words));
            var core = words.Where(w => !Droppable.Contains(w)).ToArray();
            if (core.Length >= (bareWord ? 1 : 2) && core.Length < words.Length && !core.All(w => char.IsAsciiDigit(w[0])))
            {
                aliases.Add(string.Join(' ', core));

                // "Rockyview General Hospital" → "rockyview hospital": the core with its kind word.
                if (words[^1] is "hospital" or "library" or "school" or "station" or "park" && core[^1] != words[^1])
                {
                    aliases.Add(string.Join(' ', core) + " " + words[^1]);
                }
            }
        }

        return aliases.ToList();
    }
}
