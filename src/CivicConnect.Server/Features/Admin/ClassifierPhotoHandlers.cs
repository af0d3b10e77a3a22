using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Server.Hosting;
using CivicConnect.Staff.Tuning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierPhotoHandlers
{
    public static async Task<Ok<PhotoView[]>> List(string? category, GalleryPhotoLibrary gallery, CancellationToken cancellationToken) =>
        TypedResults.Ok((await gallery.ListAsync(category, cancellationToken)).Select(ToView).ToArray());

    /// <summary>multipart/form-data with <c>file</c> (JPEG, PNG or WebP), <c>category</c> and optionally <c>note</c>.</summary>
    public static async Task<Created<PhotoAdded>> Upload(HttpRequest request, ClaimsPrincipal user, GalleryPhotoLibrary gallery, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw RequestValidationException.For("body", "Send multipart/form-data with a 'file' and a 'category'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", "Attach the photo as 'file'.");
        await using var content = file.OpenReadStream();
        var (photo, version) = await gallery.AddAsync(content, file.FileName, form["category"].ToString(), form["note"].ToString(), CivicClaims.ActorOf(user), cancellationToken);
        return TypedResults.Created($"/admin/classifier/photos/{photo.Id}", new PhotoAdded(ToView(photo), VersionView.From(version)));
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Remove(long id, ClaimsPrincipal user, GalleryPhotoLibrary gallery, CancellationToken cancellationToken) =>
        await gallery.RemoveAsync(id, CivicClaims.ActorOf(user), cancellationToken) is { } version
            ? TypedResults.Ok(VersionView.From(version))
            : TypedResults.Problem(statusCode: 404, title: "No such photo", detail: $"Photo {id} is not in the working version's gallery.");

    private static PhotoView ToView(GalleryPhoto photo) =>
        new(photo.Id, photo.CategoryCode, $"/media/{photo.StoredPath}", photo.ThumbnailPath is null ? null : $"/media/{photo.ThumbnailPath}", photo.AddedBy, photo.AddedAt, photo.Note);
}
