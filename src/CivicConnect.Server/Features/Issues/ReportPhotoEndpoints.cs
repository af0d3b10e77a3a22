using System.Security.Claims;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Security;
using CivicConnect.Staff.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Issues;

/// <summary>
/// Report photos for the console, behind its session cookie and the same reading rule as the report
/// itself (another department's photo is a 403): the desk never links to a public address.
/// </summary>
internal static class ReportPhotoEndpoints
{
    public static void MapConsoleReportPhotos(this IEndpointRouteBuilder app) =>
        app.MapGet("/console/reports/{id:long}/photos/{mediaId:long}", GetPhoto)
            .RequireAuthorization(CivicPolicies.ConsoleStaff)
            .ExcludeFromDescription();

    public static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> GetPhoto(
        long id, long mediaId, bool? thumbnail, ReportQueries reports, IMediaStore store, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        string? path;
        try
        {
            path = await reports.PhotoPathAsync(id, mediaId, thumbnail == true, ReportViewer.From(user), cancellationToken);
        }
        catch (ReportForbiddenException forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: forbidden.Message);
        }

        if (path is null || await store.OpenAsync(path, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(file.Content, file.ContentType);
    }
}
