namespace CivicConnect.Geo.Places.Resolve;

/// <summary>
/// Trigram similarity as PostgreSQL's pg_trgm defines it (each word padded with two spaces in
/// front and one behind; shared trigrams over all distinct trigrams), so a threshold measured
/// here means the same in SQL.
/// </summary>
public static class Trigrams
{
    public static HashSet<string> Of(string words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = "  " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                set.Add(padded.Substring(i, 3));
            }
        }

        return set;
    }

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
