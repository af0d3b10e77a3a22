using CivicConnect.Geo.Locating;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>The real app with its geocoder pointed at a Nominatim stand-in; short timeouts keep failure tests quick.</summary>
public class GeocoderAppFactory : CivicAppFactory
{
    public GeocoderAppFactory()
    {
        Settings["Geocoding:NominatimBaseUrl"] = Nominatim.Url;
        Settings["Geocoding:UserAgent"] = NominatimStandIn.UserAgent;
        Settings["Geocoding:RequestsPerSecond"] = "200";
        Settings["Geocoding:AttemptTimeoutMilliseconds"] = "400";
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
