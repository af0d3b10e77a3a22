using System.Globalization;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// The spec's datetimes: the W3C profile of ISO 8601 with the offset always written
/// (<c>2010-04-14T06:37:38-08:00</c>). Callers convert to the city's zone first, so clients see local times.
/// </summary>
internal static class Open311Time
{
    private static readonly string[] Accepted =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Parses a W3C datetime; a value without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
