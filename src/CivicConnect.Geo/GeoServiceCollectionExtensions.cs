using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Duplicates;
using CivicConnect.Geo.Geocoding;
using CivicConnect.Geo.Hotspots;
using CivicConnect.Geo.Locating;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Geo;

public static class GeoServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGeo(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DuplicateOptions>(DuplicateOptions.SectionName);
        builder.Services.AddScoped<IWardLookup, WardLookup>();
        builder.Services.AddScoped<IMunicipalityLookup, MunicipalityLookup>();
        builder.Services.AddScoped<MunicipalityImporter>();
        builder.Services.AddScoped<WardImporter>();
        builder.Services.AddSingleton<PlaceGazetteer>();
        builder.Services.AddSingleton<IPlaceGazetteer>(services => services.GetRequiredService<PlaceGazetteer>());
        builder.Services.AddHostedService<PlaceGazetteerRefresher>();
        builder.Services.AddScoped<PlaceImporter>();
        builder.AddGeocoding();
        builder.Services.AddSingleton<ILocator, CompositeLocator>();
        builder.Services.AddScoped<IDuplicateFinder, NearbyDuplicateFinder>();
        builder.AddValidatedOptions<HotspotOptions>(HotspotOptions.SectionName);
        builder.Services.AddScoped<HotspotQuery>();
        return builder;
    }
}
