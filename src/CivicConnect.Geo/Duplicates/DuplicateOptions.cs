using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Geo.Duplicates;

public sealed class DuplicateOptions : IValidatableObject
{
    public const string SectionName = "Duplicates";

    [Range(1, 5000)]
    public double RadiusMeters { get; set; } = 50;

    /// <summary>Wider radii for problems that spread out, e.g. a dark stretch of streetlights.</summary>
    public Dictionary<string, double> RadiusMetersByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["streetlight"] = 150 };

    [Range(1, 3650)]
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>
    /// Groups of category codes citizens mix up (a dark signal reported as a streetlight): a report in
    /// one finds open issues in any of its group. Set in appsettings.json (a list here would be appended to, not replaced, by configuration).
    /// </summary>
    public List<List<string>> ConfusableCategories { get; set; } = [];

    /// <summary>How many nearby open issues are ranked; the conversation offers the best.</summary>
    [Range(1, 50)]
    public int MaxCandidates { get; set; } = 5;

    /// <summary>Weight of nearness (1 at the point, 0 at the radius).</summary>
    [Range(0, 1)]
    public double DistanceWeight { get; set; } = 0.4;

    /// <summary>Weight of recency (1 just reported, 0 at <see cref="MaxAgeDays"/>).</summary>
    [Range(0, 1)]
    public double AgeWeight { get; set; } = 0.2;

    /// <summary>Weight of how alike the descriptions read (sentence-embedding cosine, 0 when unrelated).</summary>
    [Range(0, 1)]
    public double TextWeight { get; set; } = 0.4;

    /// <summary>The codes a report in <paramref name="categoryCode"/> is compared with: itself and its confusable group.</summary>
    public string[] ComparableCategories(string categoryCode) =>
        ConfusableCategories.Where(g => g.Contains(categoryCode, StringComparer.OrdinalIgnoreCase))
            .SelectMany(g => g)
            .Append(categoryCode)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfusableCategories.Any(g => g.Count(c => !string.IsNullOrWhiteSpace(c)) < 2))
        {
            yield return new ValidationResult("each group needs at least two category codes", [nameof(ConfusableCategories)]);
        }

        if (DistanceWeight + AgeWeight + TextWeight <= 0)
        {
            yield return new ValidationResult("at least one of the weights must be above 0", [nameof(DistanceWeight), nameof(AgeWeight), nameof(TextWeight)]);
        }
    }
}
