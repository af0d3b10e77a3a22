using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// The labelled photos in memory. Gallery rows are never changed once written, so each call only
/// asks the database for rows newer than the newest one held: a photo added on any node is seen on
/// the next classification everywhere, at the cost of one indexed query.
/// </summary>
public sealed class PhotoGallery(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile IReadOnlyList<GalleryEntry> entries = [];

    /// <summary>The gallery photos whose ids are in <paramref name="ids"/> (the ones a classifier version includes).</summary>
    public async ValueTask<IReadOnlyList<GalleryEntry>> GetAsync(IReadOnlySet<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await RefreshAsync(cancellationToken);
        return entries.Where(e => ids.Contains(e.Id)).ToList();
    }

    public void Dispose() => gate.Dispose();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = entries;
            var newest = current.Count == 0 ? 0 : current[^1].Id;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
            var added = await db.GalleryPhotos.AsNoTracking()
                .Where(p => p.Id > newest)
                .OrderBy(p => p.Id)
                .Select(p => new GalleryEntry(p.Id, p.CategoryCode, p.Features))
                .ToListAsync(cancellationToken);
            if (added.Count > 0)
            {
                entries = [.. current, .. added];
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

public sealed record GalleryEntry(long Id, string CategoryCode, float[] Features);
