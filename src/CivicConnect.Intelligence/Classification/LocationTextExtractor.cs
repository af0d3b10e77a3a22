using System.Text.RegularExpressions;

namespace CivicConnect.Intelligence.Classification;

/// <summary>
/// Finds the place words in a report: "Big pothole on 17 Ave SW at 4 St, almost…" → "17 Ave SW at 4 St".
/// A clause counts when it names a street (a street-type word or a numbered avenue/street) or a
/// capitalised place name after "in/near/by".
/// </summary>
public static partial class LocationTextExtractor
{
    public static string? Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return null;
        }

        foreach (Match match in Clause().Matches(text))
        {
            var candidate = match.Groups["loc"].Value.Trim();
            candidate = TrailingChatter().Replace(candidate, string.Empty).Trim();
            if (candidate.Length > 2 && (StreetWord().IsMatch(candidate) || (match.Groups["lead"].Value is var lead && PlaceLead().IsMatch(lead) && char.IsUpper(candidate[0]))))
            {
                return candidate.Length > 200 ? candidate[..200] : candidate;
            }
        }

        return StreetWord().IsMatch(text) && text.Length <= 80 && !text.Contains(' ', StringComparison.Ordinal) ? text.Trim() : null;
    }

    // A lookahead, so overlapping clauses are all tried: "on a sign at the Saddledome" and "at the Saddledome".
    [GeneratedRegex(@"(?=\b(?<lead>on|at|near|by|in front of|outside|corner of|in|sur|au|à|a|pres de|près de|devant|coin de|dans)\s+(?:the\s+|la\s+|le\s+)?(?<loc>[^,.;!?\n]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\b(\d+(st|nd|rd|th|e)?\s+(ave|av|avenue|st|street|rue)\b|ave|avenue|street|st|rd|road|trail|tr|blvd|boulevard|dr|drive|way|cres|crescent|hwy|highway|rue|chemin|promenade)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StreetWord();

    [GeneratedRegex(@"^(at|on|near|by|in|outside|pres de|près de|dans|devant)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceLead();

    // Stops at the words that start the next thought: "… at 4 St almost took out my tire".
    [GeneratedRegex(@"\s+\b(almost|and it|it's|its|it is|which|that|since|for|because|pls|please|svp|qui|depuis|car)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingChatter();
}
