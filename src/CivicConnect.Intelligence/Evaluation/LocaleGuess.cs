using CivicConnect.Core.Text;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>French or English, from a handful of very common French words: enough to label imported rows.</summary>
public static class LocaleGuess
{
    private static readonly string[] FrenchWords = [" le ", " la ", " les ", " des ", " une ", " est ", " dans ", " sur ", " il y a ", " pas ", " du ", " au ", " avec ", " qui ", " rue ", " svp ", " mon ", " ma "];

    public static string Guess(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return FrenchWords.Count(w => normalized.Contains(w, StringComparison.Ordinal)) >= 2 ? "fr" : "en";
    }
}
