using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Core.Hosting;

/// <summary>What makes this deployment a particular city. Nothing city-specific is hard-coded.</summary>
public sealed class CityOptions
{
    public const string SectionName = "City";

    [Required]
    public string Name { get; set; } = "Calgary";

    /// <summary>IANA time zone used for quiet hours, business hours and dates shown to citizens.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Edmonton";

    [Required]
    public string DefaultLocale { get; set; } = "en";

    [MinLength(1)]
    public string[] Locales { get; set; } = ["en", "fr"];

    /// <summary>First reference number handed out; short numbers are easy to read over the phone.</summary>
    [Range(1, 1_000_000)]
    public int FirstReferenceNumber { get; set; } = 1001;
}
