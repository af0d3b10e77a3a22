using System.Globalization;
using CivicConnect.Core.Hosting;
using CivicConnect.Staff.Localization;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>The console shows the city's clock, whatever zone the server runs in (UTC in a container).</summary>
public sealed class CityTimeTests
{
    [Theory]
    [InlineData("2026-11-25T17:00:00Z", "10:00")] // MST, UTC-7
    [InlineData("2026-07-01T17:00:00Z", "11:00")] // MDT, UTC-6
    [InlineData("2026-12-04T05:23:00Z", "2026-12-03 22:23")] // the evening before in Calgary
    public void Show_IsCalgaryTime_NotTheServers(string utc, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-CA"); // 24-hour clock: no a.m./p.m. to parse
        try
        {
            var time = new CityTime(Options.Create(new CityOptions { TimeZone = "America/Edmonton" }));

            var shown = time.Show(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

            Assert.Contains(expected, shown.Replace(" h ", ":", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
