using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Geo.Geocoding;

/// <summary>
/// A Nominatim-compatible geocoder (OpenStreetMap's, a city-hosted one, or Pelias behind the same
/// format). Unset base URL = disabled: the embedded gazetteer answers alone.
/// </summary>
public sealed class GeocodingOptions : IValidatableObject
{
    public const string SectionName = "Geocoding";

    public Uri? NominatimBaseUrl { get; set; }

    /// <summary>Nominatim's usage policy requires an identifying User-Agent with a contact.</summary>
    public string? UserAgent { get; set; }

    /// <summary>lon1,lat1,lon2,lat2 — results outside it are not asked for (bounded=1). Default: Calgary.</summary>
    [Required]
    [RegularExpression(@"^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$")]
    public string ViewBox { get; set; } = "-114.3160,51.2124,-113.8599,50.8428";

    [Required]
    public string City { get; set; } = "Calgary";

    [Required]
    public string CountryCodes { get; set; } = "ca";

    /// <summary>The public instance allows at most one request a second.</summary>
    [Range(0.1, 1000)]
    public double RequestsPerSecond { get; set; } = 1;

    [Range(50, 60_000)]
    public int AttemptTimeoutMilliseconds { get; set; } = 2_000;

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    [Range(0, 10_000)]
    public int RetryDelayMilliseconds { get; set; } = 250;

    [Range(1, 10)]
    public int MaxResults { get; set; } = 3;

    /// <summary>How long an answer is reused; streets rarely move, and each reuse is a request not made.</summary>
    [Range(0, 365)]
    public int CacheDays { get; set; } = 30;

    public bool Enabled => NominatimBaseUrl is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NominatimBaseUrl is { IsAbsoluteUri: false } || NominatimBaseUrl is { Scheme: not ("http" or "https") })
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(NominatimBaseUrl)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return new ValidationResult("is required when NominatimBaseUrl is set (the geocoder's usage policy)", [nameof(UserAgent)]);
        }
    }
}
