using System.Globalization;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Staff.Localization;

/// <summary>
/// Every time the console shows, in the city's time zone (<c>City:TimeZone</c>) and the reader's
/// culture. Not the server's zone: a container runs in UTC, and staff in Calgary read Calgary time.
/// </summary>
public sealed class CityTime(IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    /// <summary>Short date and time ("g"), e.g. 12/3/2026 10:23 p.m.</summary>
    public string Show(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("g", CultureInfo.CurrentCulture);
}
