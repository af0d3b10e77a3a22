namespace CivicConnect.Channels.Twilio.Outbound;

/// <summary>
/// Cuts text too long for one Twilio message (1,600 characters) at the last paragraph, line,
/// sentence or word boundary that fits, so no part ends mid-word; a single word longer than the
/// limit is cut without splitting a surrogate pair.
/// </summary>
internal static class SmsSplitter
{
    public const int MaxMessageLength = 1_600;

    private static readonly string[] Boundaries = ["\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " "];

    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = FindCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int FindCut(string text, int limit)
    {
        foreach (var boundary in Boundaries)
        {
            // Keep the sentence's punctuation with it; only the space moves to the next part.
            var at = text.LastIndexOf(boundary, limit - boundary.TrimEnd().Length, StringComparison.Ordinal);
            if (at > limit / 3)
            {
                return at + boundary.TrimEnd().Length;
            }
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
