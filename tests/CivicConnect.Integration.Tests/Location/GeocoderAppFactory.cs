using CivicConnect.Geo.Locating;
using CivicConnect.Integration.Tests.Infrastructure;
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

    public ILocator Locator => Services.GetRequiredService<ILocator>();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Nominatim.Dispose();
    }
}
