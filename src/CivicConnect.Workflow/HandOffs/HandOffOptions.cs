using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Workflow.HandOffs;

/// <summary>
/// When 311 agents answer hand-offs (section <c>HandOff</c>). Without <see cref="Hours"/> agents
/// are taken to answer at any time.
/// </summary>
public sealed class HandOffOptions : IValidatableObject
{
    public const string SectionName = "HandOff";

    public HandOffHoursOptions? Hours { get; set; }

    /// <summary>The nested hours are checked too, so a node with unreadable hours refuses to start.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Hours is null)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Hours, new ValidationContext(Hours), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return result;
        }

        if (results.Count == 0 && string.CompareOrdinal(Hours.Close, Hours.Open) <= 0)
        {
            yield return new ValidationResult("HandOff:Hours:Close must be later than Open.", [nameof(Hours)]);
        }

        if (Hours.TimeZone is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            yield return new ValidationResult($"HandOff:Hours:TimeZone '{zone}' is not a known time zone.", [nameof(Hours)]);
        }
    }
}

/// <summary>The agents' working week in the city's time zone (or <see cref="TimeZone"/>).</summary>
public sealed class HandOffHoursOptions
{
    public string? TimeZone { get; set; }

    /// <summary>Working days; Monday to Friday when none are given.</summary>
    public List<DayOfWeek>? Days { get; set; }

    [Required]
    [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "HandOff:Hours:Open is HH:mm.")]
    public string Open { get; set; } = "08:00";

    [Required]
    [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "HandOff:Hours:Close is HH:mm.")]
    public string Close { get; set; } = "17:00";

    public List<DateOnly>? Holidays { get; set; }
}
