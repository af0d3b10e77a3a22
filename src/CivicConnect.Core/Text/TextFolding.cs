using System.Globalization;
using System.Text;

namespace CivicConnect.Core.Text;

/// <summary>
/// Lower-cases and removes accents ("Hôtel de Ville" → "hotel de ville"), the first step of every
/// comparison of what citizens type: keywords, place names, addresses.
/// </summary>
public static class TextFolding
{
    public static string FoldLower(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(ch));
            }
        }

        return folded.ToString();
    }
}
