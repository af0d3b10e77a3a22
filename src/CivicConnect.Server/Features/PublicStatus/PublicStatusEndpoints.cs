using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using CivicConnect.Staff.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.PublicStatus;

/// <summary>
/// <c>GET /r/{reference}?k={key}[&amp;lang=fr]</c>: the public status page linked from every
/// notification. Without the report's key it is a 404, the same as for a report that does not exist.
/// </summary>
public static class PublicStatusEndpoints
{
    /// <summary>Only this origin, plus the configured map tiles' host for images.</summary>
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: {0}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddPublicStatus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PublicReportQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/r/{reference:int}", Show).WithTags("Public status").WithName("PublicStatusPage").ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> Show(
        int reference,
        string? k,
        string? lang,
        HttpContext context,
        PublicReportQuery query,
        ICategoryCatalog categories,
        IDialogCatalog dialogs,
        IOptions<CityOptions> city,
        IOptions<MapOptions> map,
        CancellationToken cancellationToken)
    {
        var report = await query.FindAsync(reference, k, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = "There is no report at this link." });
        }

        var locale = lang is "en" or "fr" ? lang : report.Locale;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);
        var phrases = new Phrasebook(dialogs.Current, locale, ChannelIds.DirectLine, city.Value.Name, zone);
        var category = (await categories.FindAsync(report.CategoryCode, cancellationToken))?.Name.For(phrases.Locale) ?? report.CategoryCode;
        var tiles = map.Value.TileUrl;
        var tileOrigin = Uri.TryCreate(tiles.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var tileUri) ? tileUri.GetLeftPart(UriPartial.Authority) : string.Empty;

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Policy, tileOrigin);
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(PublicStatusHtml.Render(report, phrases, category, tiles, map.Value.Attribution), "text/html; charset=utf-8");
    }
}
