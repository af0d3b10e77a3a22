using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Geo;

public static class GeoServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGeo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IWardLookup, WardLookup>();
        builder.Services.AddScoped<WardImporter>();
        return builder;
    }
}
