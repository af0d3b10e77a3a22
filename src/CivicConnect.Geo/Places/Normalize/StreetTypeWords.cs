namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// Street-type words in English and French, and the abbreviations the City writes in its own
/// files ("TR", "AV", "BV", "GA", "CR", "HT" …), to one short form. The short form is the City's
/// abbreviation, so that every source and every citizen meet on the same key.
/// </summary>
public static class StreetTypeWords
{
    private static readonly (string Short, string Long, string[] Words)[] Types =
    [
        ("AV", "Avenue", ["av", "ave", "avenue", "avenu", "aves"]),
        ("ST", "Street", ["st", "str", "street", "rue"]),
        ("TR", "Trail", ["tr", "trl", "trail", "sentier"]),
        ("DR", "Drive", ["dr", "drv", "drive", "promenade"]),
        ("BV", "Boulevard", ["bv", "blvd", "boulevard", "boul", "bl"]),
        ("RD", "Road", ["rd", "road", "chemin"]),
        ("CR", "Crescent", ["cr", "cres", "crescent", "croissant"]),
        ("GA", "Gate", ["ga", "gt", "gate"]),
        ("WY", "Way", ["wy", "way"]),
        ("PL", "Place", ["pl", "place"]),
        ("CL", "Close", ["cl", "close"]),
        ("CI", "Circle", ["ci", "cir", "circle"]),
        ("CO", "Court", ["co", "ct", "crt", "court"]),
        ("GR", "Green", ["gr", "green"]),
        ("GV", "Grove", ["gv", "grove"]),
        ("HT", "Heights", ["ht", "hts", "heights"]),
        ("HL", "Hill", ["hl", "hill"]),
        ("LI", "Link", ["li", "link"]),
        ("MR", "Manor", ["mr", "manor"]),
        ("PA", "Park", ["pa", "park"]),
        ("PT", "Point", ["pt", "point"]),
        ("RI", "Rise", ["ri", "rise"]),
        ("SQ", "Square", ["sq", "square"]),
        ("TC", "Terrace", ["tc", "terr", "terrace"]),
        ("VW", "View", ["vw", "view"]),
        ("BA", "Bay", ["ba", "bay"]),
        ("CM", "Common", ["cm", "common", "commons"]),
        ("LD", "Landing", ["ld", "landing"]),
        ("ME", "Mews", ["me", "mews"]),
        ("PY", "Parkway", ["py", "pkwy", "parkway"]),
        ("GD", "Gardens", ["gd", "gdns", "gardens"]),
        ("LN", "Lane", ["ln", "lane"]),
        ("PZ", "Plaza", ["pz", "plaza"]),
        ("CE", "Centre", ["ce", "ctr"]),
        ("PS", "Passage", ["ps", "passage"]),
        ("CV", "Cove", ["cv", "cove"]),
        ("RO", "Row", ["ro", "row"]),
        ("VI", "Villas", ["vi", "villas"]),
        ("PR", "Parade", ["pr", "parade"]),
        ("HE", "Heath", ["he", "heath"]),
        ("WK", "Walk", ["wk", "walk"]),
        ("HW", "Highway", ["hw", "hwy", "highway"]),
        ("MT", "Mount", ["mt"]),
    ];

    private static readonly Dictionary<string, string> ToShort = Types
        .SelectMany(t => t.Words.Select(w => (Word: w, t.Short)))
        .ToDictionary(p => p.Word, p => p.Short, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ToLong = Types.ToDictionary(t => t.Short, t => t.Long, StringComparer.Ordinal);

    /// <summary>Types a citizen may leave out or that also start names ("Park", "Centre"): trusted only at the very end.</summary>
    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal) { "park", "centre", "center", "place", "point", "view", "common", "green", "hill", "row", "mt", "co", "me", "pa", "pr", "ro", "he", "ce" };

    /// <summary>"avenue", "av", "rue" → "AV"/"ST"; null when the lower-case word is not a street type.</summary>
    public static string? TryShort(string lowerWord) => ToShort.GetValueOrDefault(lowerWord);

    /// <summary>
    /// A misspelt long type word ("trial", "stret", "avenu", "boulvard") to its short form; only
    /// words of five letters or more, so a short name is never taken for a type.
    /// </summary>
    public static string? TryShortMisspelt(string lowerWord)
    {
        if (lowerWord.Length < 5 || char.IsAsciiDigit(lowerWord[0]))
        {
            return null;
        }

        var match = Types.SelectMany(t => t.Words.Where(w => w.Length >= 5).Select(w => (Word: w, t.Short)))
            .Select(t => (t.Short, Distance: EditDistance.Between(lowerWord, t.Word)))
            .Where(t => t.Distance == 1)
            .Select(t => t.Short)
            .Distinct()
            .ToList();
        return match.Count == 1 ? match[0] : null;
    }

    /// <summary>Whether a word is a street type only when nothing else could be meant (last word of a street).</summary>
    public static bool IsWeak(string lowerWord) => WeakWords.Contains(lowerWord);

    /// <summary>"AV" → "Avenue" (for labels).</summary>
    public static string LongForm(string shortForm) => ToLong.GetValueOrDefault(shortForm, shortForm);

    /// <summary>"AV" → "Ave", "TR" → "Trail": the label form people read on signs.</summary>
    public static string LabelForm(string shortForm) => shortForm switch
    {
        "AV" => "Ave",
        "ST" => "St",
        "DR" => "Dr",
        "RD" => "Rd",
        "BV" => "Blvd",
        _ => LongForm(shortForm),
    };
}
