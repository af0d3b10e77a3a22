namespace CivicConnect.Geo.Locating;

/// <summary>Street-type words in English and French, to one short form and back to OpenStreetMap's long form.</summary>
public static class StreetTypes
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["ave"] = "Ave", ["av"] = "Ave", ["avenue"] = "Ave", ["avenu"] = "Ave",
        ["st"] = "St", ["str"] = "St", ["street"] = "St", ["rue"] = "St",
        ["tr"] = "Trail", ["trl"] = "Trail", ["trail"] = "Trail", ["sentier"] = "Trail",
        ["rd"] = "Rd", ["road"] = "Rd", ["chemin"] = "Rd",
        ["dr"] = "Dr", ["drive"] = "Dr", ["promenade"] = "Dr",
        ["blvd"] = "Blvd", ["boulevard"] = "Blvd", ["boul"] = "Blvd",
        ["cres"] = "Cres", ["crescent"] = "Cres",
        ["way"] = "Way", ["gate"] = "Gate", ["pl"] = "Pl",
        ["hwy"] = "Hwy", ["highway"] = "Hwy", ["pkwy"] = "Pkwy", ["parkway"] = "Pkwy",
        ["ct"] = "Ct", ["court"] = "Ct", ["cl"] = "Close", ["close"] = "Close",
    };

    private static readonly Dictionary<string, string> Long = new(StringComparer.Ordinal)
    {
        ["Ave"] = "Avenue", ["St"] = "Street", ["Rd"] = "Road", ["Dr"] = "Drive", ["Blvd"] = "Boulevard",
        ["Cres"] = "Crescent", ["Pl"] = "Place", ["Hwy"] = "Highway", ["Pkwy"] = "Parkway", ["Ct"] = "Court",
    };

    /// <summary>"avenue", "av", "rue" → "Ave"/"St"; null when the word is not a street type.</summary>
    public static string? TryShort(string word) => Short.GetValueOrDefault(word);

    public static string LongForm(string shortForm) => Long.GetValueOrDefault(shortForm, shortForm);
}
