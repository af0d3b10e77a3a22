using System.Security.Claims;
using System.Security.Cryptography;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Photos;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierPhotoHandlers
{
    public static async Task<Ok<PhotoView[]>> List(string? category, ClassifierTuning tuning, CivicDbContext db, CancellationToken cancellationToken)
    {
        var ids = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot).GalleryPhotoIds.ToList();
        var rows = await db.GalleryPhotos.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (category == null || p.CategoryCode == category))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToView).ToArray());
    }

    /// <summary>
    /// multipart/form-data with <c>file</c> (JPEG, PNG or WebP) and <c>category</c>. The photo is kept
    /// the way citizens' photos are (EXIF removed), featurised, and added to a new draft version in one
    /// transaction; when anything fails, the stored file is deleted again and nothing is recorded.
    /// </summary>
    public static async Task<Created<PhotoAdded>> Upload(
        HttpRequest request, ClaimsPrincipal user, ClassifierTuning tuning, CivicDbContext db, IMediaStore media, IImageFeaturizer featurizer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw RequestValidationException.For("body", "Send multipart/form-data with a 'file' and a 'category'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", "Attach the photo as 'file'.");
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var category = AdminInput.Category("category", form["category"].ToString(), working);
        var note = string.IsNullOrWhiteSpace(form["note"]) ? null : AdminInput.Text("note", form["note"], 500);

        StoredMedia stored;
        try
        {
            await using var content = file.OpenReadStream();
            stored = await media.SaveImageAsync(content, file.FileName, cancellationToken);
        }
        catch (MediaRejectedException rejected)
        {
            throw RequestValidationException.For("file", rejected.Message);
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(media.Open(stored.Path)!.FullPath, cancellationToken);
            float[] features;
            try
            {
                features = featurizer.Featurize(bytes, cancellationToken);
            }
            catch (UnreadableImageException unreadable)
            {
                throw RequestValidationException.For("file", unreadable.Message);
            }

            var photo = new GalleryPhoto
            {
                CategoryCode = category.Code,
                Features = features,
                StoredPath = stored.Path,
                ThumbnailPath = stored.ThumbnailPath,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Note = note,
                AddedBy = CivicClaims.ActorOf(user),
                AddedAt = clock.GetUtcNow(),
            };
            var version = await tuning.ChangeAsync(photo.AddedBy, $"added a photo to {category.Code}", async snapshot =>
            {
                db.GalleryPhotos.Add(photo);
                await db.SaveChangesAsync(cancellationToken);
                return snapshot with { GalleryPhotoIds = [.. snapshot.GalleryPhotoIds, photo.Id] };
            }, cancellationToken);
            return TypedResults.Created($"/admin/classifier/photos/{photo.Id}", new PhotoAdded(ToView(photo), VersionView.From(version)));
        }
        catch
        {
            await media.DeleteAsync(stored, CancellationToken.None);
            throw;
        }
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Remove(long id, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        if (!working.GalleryPhotoIds.Contains(id))
        {
            return TypedResults.Problem(statusCode: 404, title: "No such photo", detail: $"Photo {id} is not in the working version's gallery.");
        }

        // The row and the file stay: earlier versions still include the photo, and a rollback brings it back.
        var version = await tuning.ChangeAsync(CivicClaims.ActorOf(user), $"removed photo {id} from the gallery", snapshot =>
            Task.FromResult(snapshot with { GalleryPhotoIds = snapshot.GalleryPhotoIds.Where(p => p != id).ToList() }), cancellationToken);
        return TypedResults.Ok(VersionView.From(version));
    }

    private static PhotoView ToView(GalleryPhoto photo) =>
        new(photo.Id, photo.CategoryCode, $"/media/{photo.StoredPath}", photo.ThumbnailPath is null ? null : $"/media/{photo.ThumbnailPath}", photo.AddedBy, photo.AddedAt, photo.Note);
}
