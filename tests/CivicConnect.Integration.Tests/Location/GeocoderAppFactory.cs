using CivicConnect.Geo.Locating;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// The real app with its geocoder pointed at a Nominatim stand-in. The attempt timeout is generous
/// so a busy test machine does not turn an answer into a timeout; the slow-geocoder test shortens it.
/// </summary>
public class GeocoderAppFactory : CivicAppFactory
{
    public GeocoderAppFactory()
    {
        Settings["Geocoding:NominatimBaseUrl"] = Nominatim.Url;
        Settings["Geocoding:UserAgent"] = NominatimStandIn.UserAgent;
        Settings["Geocoding:RequestsPerSecond"] = "200";
        Settings["Geocoding:AttemptTimeoutMilliseconds"] = "3000";
        Settings["Geocoding:RetryDelayMilliseconds"] = "10";
    }

    public NominatimStandIn Nominatim { get; } = new();

    /// <summary>
    /// A city that has not imported its registers: the place tables are emptied, so every typed
    /// place goes to the geocoder (the fallback the geocoder tests are about). Landmarks and
    /// communities go too, so the phrasings are the geocoder's to answer.
    /// </summary>
    protected bool WithoutStreetGazetteer { get; init; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (WithoutStreetGazetteer)
        {
            await using var db = CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM place_corners; DELETE FROM place_addresses; DELETE FROM place_names; DELETE FROM place_street_lines;");
        }
    }

    public ILocator Locator => Services.GetRequiredService<ILocator>();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Nominatim.Dispose();
    }
}
