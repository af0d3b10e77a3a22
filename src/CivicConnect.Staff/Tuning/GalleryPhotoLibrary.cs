using System.Security.Cryptography;
using CivicConnect.Channels.Media;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Photos;
using CivicConnect.Intelligence.Tuning;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Tuning;

/// <summary>
/// The labelled photo gallery of the working classifier version, for the admin API and the console:
/// list, add (kept like citizens' photos, EXIF removed, featurised, in a new draft), take out.
/// </summary>
public sealed class GalleryPhotoLibrary(ClassifierTuning tuning, CivicDbContext db, IMediaStore media, IImageFeaturizer featurizer, TimeProvider clock)
{
    public const int MaxNoteLength = 500;

    public async Task<IReadOnlyList<GalleryPhoto>> ListAsync(string? category, CancellationToken cancellationToken)
    {
        var ids = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot).GalleryPhotoIds.ToList();
        return await db.GalleryPhotos.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (category == null || p.CategoryCode == category))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the photo and adds it to a new draft version in one transaction; when anything fails,
    /// the stored file is deleted again and nothing is recorded.
    /// </summary>
    public async Task<(GalleryPhoto Photo, ClassifierVersion Version)> AddAsync(Stream content, string? fileName, string? category, string? note, string actor, CancellationToken cancellationToken)
    {
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var code = TuningInput.Category("category", category, working).Code;
        var remark = string.IsNullOrWhiteSpace(note) ? null : TuningInput.Text("note", note, MaxNoteLength);

        StoredMedia stored;
        try
        {
            stored = await media.SaveImageAsync(content, fileName, cancellationToken);
        }
        catch (MediaRejectedException rejected)
        {
            throw TuningInputException.For("file", rejected.Message);
        }

        try
        {
            var bytes = await media.ReadAsync(stored.Path, cancellationToken)
                ?? throw new InvalidOperationException($"The photo just stored at {stored.Path} cannot be read back.");
            float[] features;
            try
            {
                features = featurizer.Featurize(bytes, cancellationToken);
            }
            catch (UnreadableImageException unreadable)
            {
                throw TuningInputException.For("file", unreadable.Message);
            }

            var photo = new GalleryPhoto
            {
                CategoryCode = code,
                Features = features,
                StoredPath = stored.Path,
                ThumbnailPath = stored.ThumbnailPath,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Note = remark,
                AddedBy = actor,
                AddedAt = clock.GetUtcNow(),
            };
            var version = await tuning.ChangeAsync(actor, $"added a photo to {code}", async snapshot =>
            {
                db.GalleryPhotos.Add(photo);
                await db.SaveChangesAsync(cancellationToken);
                return snapshot with { GalleryPhotoIds = [.. snapshot.GalleryPhotoIds, photo.Id] };
            }, cancellationToken);
            return (photo, version);
        }
        catch
        {
            await media.DeleteAsync(stored, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The row and the file stay: earlier versions still include the photo, and a rollback brings it back.</summary>
    /// <returns>The new draft, or null when the photo is not in the working version's gallery.</returns>
    public async Task<ClassifierVersion?> RemoveAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        if (!working.GalleryPhotoIds.Contains(id))
        {
            return null;
        }

        return await tuning.ChangeAsync(actor, $"removed photo {id} from the gallery", snapshot =>
            Task.FromResult(snapshot with { GalleryPhotoIds = snapshot.GalleryPhotoIds.Where(p => p != id).ToList() }), cancellationToken);
    }
}
