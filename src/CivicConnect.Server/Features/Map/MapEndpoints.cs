using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Map;

/// <summary>
/// The staff map's data, the same services as the console's map page: open reports in a box,
/// clustered for the zoom, and the wards with their open reports. Each person sees the reports of
/// their department (supervisors: every department's), by <see cref="ReportScope"/>.
/// </summary>
internal static class MapEndpoints
{
    public const string GeoJsonContentType = "application/geo+json";

    public static RouteGroupBuilder MapStaffMap(this IEndpointRouteBuilder app)
    {
        // Office staff and supervisors, as the console's map page: field workers have their own assigned list.
        var group = app.MapGroup("/api/map").WithTags("Map").RequireAuthorization(CivicPolicies.Office);
        group.MapGet("/reports", GetReports).WithName("GetMapReports");
        group.MapGet("/wards", GetWards).WithName("GetMapWards").Produces<string>(contentType: GeoJsonContentType);
        return group;
    }

    /// <summary><c>?bbox=minLon,minLat,maxLon,maxLat&amp;zoom=0..22</c>: clusters and single reports, biggest first.</summary>
    public static async Task<Ok<MapReports>> GetReports(string? bbox, int? zoom, MapReportQuery map, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MapBox.TryParse(bbox, out var box))
        {
            errors["bbox"] = ["bbox is minLon,minLat,maxLon,maxLat in degrees, min below max."];
        }

        if (zoom is not (>= 0 and <= 22))
        {
            errors["zoom"] = ["zoom is a whole number from 0 to 22."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return TypedResults.Ok(await map.FindAsync(box!.Value, zoom!.Value, ReportViewer.From(user), cancellationToken));
    }

    /// <summary>Every ward as a GeoJSON feature with <c>code</c>, <c>name</c> and <c>openReports</c> (of the caller's scope).</summary>
    public static async Task<ContentHttpResult> GetWards(WardMapQuery wards, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var shapes = await wards.FindAsync(ReportViewer.From(user), cancellationToken);
        return TypedResults.Content(WardGeoJson.Write(shapes), GeoJsonContentType);
    }
}
