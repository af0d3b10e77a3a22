using CivicConnect.Channels.Media;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// A photo city staff add to a report — a field worker's photo of the fix. It goes through the same
/// store as citizens' photos (images only, location metadata removed) and is attached to the report
/// with a history line; should the database refuse, the stored file is removed again.
/// </summary>
public sealed class ReportPhotos(CivicDbContext db, IMediaStore store, TimeProvider clock, ILogger<ReportPhotos> logger)
{
    /// <exception cref="MediaRejectedException">Not an image, or too large.</exception>
    /// <exception cref="TransitionForbiddenException">Not city staff of the report's department.</exception>
    public async Task<MediaView> AttachAsync(long issueId, Stream content, string? fileName, ReportViewer viewer, CancellationToken cancellationToken)
    {
        var actor = viewer.Actor ?? throw new TransitionForbiddenException("Only city staff add photos to a report.");
        var owner = await db.Issues.AsNoTracking().Include(i => i.Department).SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken)
            ?? throw new IssueNotFoundException(issueId);
        IssueTransitions.EnsureOwnDepartment(owner, actor);

        var stored = await store.SaveImageAsync(content, fileName, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var issue = await db.Issues.SingleAsync(i => i.Id == issueId, cancellationToken);
            var now = clock.GetUtcNow();
            var media = new IssueMedia
            {
                IssueId = issueId,
                StoredPath = stored.Path,
                ThumbnailPath = stored.ThumbnailPath,
                ContentType = stored.ContentType,
                SizeBytes = stored.SizeBytes,
                ExifStripped = true,
                CreatedAt = now,
            };
            db.IssueMedia.Add(media);
            issue.AddHistory(IssueEventKinds.Photo, actor.Name, "Photo of the work added", isPublic: false, now);
            issue.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MediaView(media.Id, media.ContentType, "/media/" + media.StoredPath, media.ThumbnailPath is null ? null : "/media/" + media.ThumbnailPath, media.SizeBytes, now);
        }
        catch
        {
            logger.LogWarning("The photo {Path} for issue {IssueId} was not attached; removing the stored file", stored.Path, issueId);
            await store.DeleteAsync(stored, CancellationToken.None);
            throw;
        }
    }
}
