using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Photos;

/// <summary>A photo already attached to another open issue: the same problem reported again (or the same picture re-sent).</summary>
public interface ISamePhotoFinder
{
    /// <param name="photoPaths">Stored paths of the new report's photos.</param>
    /// <param name="excludeIssueId">The report's own issue, when it already exists.</param>
    Task<SamePhotoMatch?> FindAsync(IReadOnlyList<string> photoPaths, long? excludeIssueId, CancellationToken cancellationToken);
}

public sealed record SamePhotoMatch(long IssueId, int ReferenceNumber, string NewPhotoPath, string IssuePhotoPath, double Similarity);

/// <summary>
/// Compares ResNet18 features of new photos with those of photos on open issues reported in the
/// last <see cref="PhotoOptions.SamePhotoMaxAgeDays"/> days. Features of issue photos are computed
/// the first time they are needed and kept in <c>issue_photo_features</c>.
/// </summary>
public sealed class SamePhotoFinder(CivicDbContext db, PhotoEvidence photos, IOptions<PhotoOptions> options, TimeProvider clock) : ISamePhotoFinder
{
    public async Task<SamePhotoMatch?> FindAsync(IReadOnlyList<string> photoPaths, long? excludeIssueId, CancellationToken cancellationToken)
    {
        var newPhotos = new List<(string Path, float[] Features)>();
        foreach (var path in photoPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal))
        {
            if (await photos.FeaturesOfStoredAsync(path, cancellationToken) is { } features)
            {
                newPhotos.Add((path, features));
            }
        }

        if (newPhotos.Count == 0)
        {
            return null;
        }

        var since = clock.GetUtcNow().AddDays(-options.Value.SamePhotoMaxAgeDays);
        var candidates = await db.IssueMedia.AsNoTracking()
            .Where(m => m.IssueId != excludeIssueId && !photoPaths.Contains(m.StoredPath))
            .Join(db.Issues.Where(i => !IssueStatuses.Finished.Contains(i.Status) && i.CreatedAt >= since), m => m.IssueId, i => i.Id, (m, i) => new { MediaId = m.Id, m.StoredPath, IssueId = i.Id, i.ReferenceNumber })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }

        var mediaIds = candidates.Select(c => c.MediaId).ToList();
        var known = await db.IssuePhotoFeatures.AsNoTracking()
            .Where(f => mediaIds.Contains(f.IssueMediaId))
            .ToDictionaryAsync(f => f.IssueMediaId, f => f.Features, cancellationToken);

        SamePhotoMatch? best = null;
        foreach (var candidate in candidates)
        {
            if (!known.TryGetValue(candidate.MediaId, out var features))
            {
                features = await photos.FeaturesOfStoredAsync(candidate.StoredPath, cancellationToken) ?? [];
                await RememberAsync(candidate.MediaId, features, cancellationToken);
            }

            if (features.Length == 0)
            {
                continue;
            }

            foreach (var (path, newFeatures) in newPhotos)
            {
                var similarity = (double)Vectors.Cosine(newFeatures, features);
                if (similarity >= options.Value.SamePhotoSimilarity && (best is null || similarity > best.Similarity))
                {
                    best = new SamePhotoMatch(candidate.IssueId, candidate.ReferenceNumber, path, candidate.StoredPath, similarity);
                }
            }
        }

        return best;
    }

    private async Task RememberAsync(long mediaId, float[] features, CancellationToken cancellationToken) =>
        // Another node may have just done the same: the first one wins, the result is identical.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO issue_photo_features (issue_media_id, features, computed_at) VALUES ({mediaId}, {features}, {clock.GetUtcNow()}) ON CONFLICT (issue_media_id) DO NOTHING",
            cancellationToken);
}
