namespace CivicConnect.Channels.DirectLine.Inbound;

internal static class Locales
{
    /// <summary>A BCP 47-shaped tag ("en", "fr-CA", "zh-Hant-TW"); the dialog engine decides which it supports.</summary>
    public static bool IsWellFormed(string locale)
    {
        if (locale.Length is 0 or > 35)
        {
            return false;
        }

        var parts = locale.Split('-');
        return parts[0].Length is >= 2 and <= 8 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
