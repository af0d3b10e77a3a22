using System.Globalization;
using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Geo.Hotspots;
using CivicConnect.Server.Hosting;
using CivicConnect.Staff.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Hotspots;

/// <summary>Staff map layer: where open issues bunch up, as GeoJSON.</summary>
internal static class HotspotEndpoints
{
    public const string GeoJsonContentType = "application/geo+json";

    public static RouteGroupBuilder MapHotspots(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/issues/hotspots").WithTags("Hotspots").RequireAuthorization(CivicPolicies.Staff);
        group.MapGet("/", GetHotspots).WithName("GetHotspots").Produces<HotspotCollection>(contentType: GeoJsonContentType);
        return group;
    }

    /// <summary>
    /// One feature per cluster of open issues (optionally of one category, reported since a time):
    /// a point at the cluster's centre with its size, categories and the issues in it.
    /// </summary>
    public static async Task<JsonHttpResult<HotspotCollection>> GetHotspots(
        string? category, string? since, HotspotQuery hotspots, ClaimsPrincipal user, CivicDbContext db, IOptions<HotspotOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var from = now.AddDays(-options.Value.DefaultDays);
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
            {
                errors["since"] = ["must be an ISO 8601 date or date and time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z"];
            }
            else if (from > now)
            {
                errors["since"] = ["must not be in the future"];
            }
        }

        if (category is not null && !await db.ServiceCategories.AnyAsync(c => c.Code == category, cancellationToken))
        {
            errors["category"] = [$"no service category has the code '{Truncate(category)}'"];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var clusters = await hotspots.FindAsync(category, from, ReportScope.Hotspots(ReportViewer.From(user)), cancellationToken);
        var features = clusters.Select(c => new HotspotFeature(
            "Feature",
            new PointGeometry("Point", [Math.Round(c.Longitude, 6), Math.Round(c.Latitude, 6)]),
            new HotspotProperties(c.IssueCount, Math.Round(c.RadiusMeters, 1), c.Categories, c.IssueIds, c.ReferenceNumbers))).ToList();
        return TypedResults.Json(new HotspotCollection("FeatureCollection", features), contentType: GeoJsonContentType);
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}

public sealed record HotspotCollection(string Type, IReadOnlyList<HotspotFeature> Features);

public sealed record HotspotFeature(string Type, PointGeometry Geometry, HotspotProperties Properties);

/// <param name="Coordinates">[longitude, latitude], as GeoJSON orders them.</param>
public sealed record PointGeometry(string Type, double[] Coordinates);

public sealed record HotspotProperties(int IssueCount, double RadiusMeters, string[] Categories, long[] IssueIds, int[] ReferenceNumbers);
