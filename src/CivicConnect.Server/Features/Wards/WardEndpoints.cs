using CivicConnect.Data;
using CivicConnect.Geo;
using CivicConnect.Geo.Wards;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Wards;

internal static class WardEndpoints
{
    public static RouteGroupBuilder MapWards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/wards").WithTags("Wards");
        group.MapGet("/", ListWards).WithName("ListWards");
        group.MapGet("/lookup", LookupWard).WithName("LookupWard");
        return group;
    }

    public static async Task<Ok<WardSummary[]>> ListWards(CivicDbContext db, CancellationToken cancellationToken)
    {
        var wards = await db.Wards.AsNoTracking()
            .OrderBy(w => w.Id)
            .Select(w => new WardSummary(w.Code, w.Name))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(wards);
    }

    /// <summary>Which ward holds a point; a point outside every ward answers <c>insideCity: false</c>.</summary>
    public static async Task<Ok<WardLookupResponse>> LookupWard(double? lat, double? lon, IWardLookup lookup, CancellationToken cancellationToken)
    {
        if (lat is not { } latitude || lon is not { } longitude || !GeoPoint.IsValid(latitude, longitude))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["lat"] = ["latitude must be a number between -90 and 90"],
                ["lon"] = ["longitude must be a number between -180 and 180"],
            });
        }

        var ward = await lookup.FindAsync(latitude, longitude, cancellationToken);
        return TypedResults.Ok(new WardLookupResponse(ward is not null, ward is null ? null : new WardSummary(ward.Code, ward.Name)));
    }
}

public sealed record WardSummary(string Code, string Name);

public sealed record WardLookupResponse(bool InsideCity, WardSummary? Ward);
