using CivicConnect.Core.Text;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Intelligence.Definitions;

/// <summary>
/// Prepares a city's historical requests for training: unknown categories and duplicates (same
/// words after folding case, accents and punctuation, in the file or already known) are dropped,
/// and a stable fifth is held out to measure on. The split depends only on each text, so running
/// the import twice holds out the same messages.
/// </summary>
public static class ExampleImport
{
    public sealed record Result(IReadOnlyList<LabelledExample> Training, IReadOnlyList<LabelledExample> HeldOut, int Duplicates, int UnknownCategory);

    public static Result Prepare(IReadOnlyList<LabelledExample> rows, ClassifierDefinition current, int holdOutEvery = 5)
    {
        var seen = current.Examples.Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var training = new List<LabelledExample>();
        var held = new List<LabelledExample>();
        int duplicates = 0, unknown = 0;
        foreach (var row in rows)
        {
            var category = current.Find(row.CategoryCode);
            if (category is null)
            {
                unknown++;
                continue;
            }

            var key = TextNormalizer.Normalize(row.Text);
            if (key.Trim().Length == 0 || !seen.Add(key))
            {
                duplicates++;
                continue;
            }

            var example = row with { CategoryCode = category.Code };
            (StableHash(key) % holdOutEvery == 0 ? held : training).Add(example);
        }

        return new Result(training, held, duplicates, unknown);
    }

    /// <summary>FNV-1a: string.GetHashCode changes per process, and the split must not.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return hash;
    }
}
