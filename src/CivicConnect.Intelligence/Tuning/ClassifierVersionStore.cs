using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// Serves the published classifier version to the live classifier on every node. Each call asks
/// PostgreSQL for the published version's number (one row of a unique partial index, well under a
/// millisecond) and reloads the snapshot only when it changed: a publish or a rollback on any node
/// is used by the very next message everywhere, with no restart and no cache to wait out.
/// When no version exists yet, the definition shipped in <c>prompts/</c> becomes version 1.
/// </summary>
public sealed class ClassifierVersionStore(
    IServiceScopeFactory scopes,
    FileClassifierDefinitionSource shipped,
    TimeProvider clock,
    ILogger<ClassifierVersionStore> logger) : IClassifierDefinitionSource, IActiveGallery, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile PublishedClassifier? current;

    public async ValueTask<ClassifierDefinition> GetCurrentAsync(CancellationToken cancellationToken) =>
        (await GetPublishedAsync(cancellationToken)).Definition;

    public async ValueTask<IReadOnlySet<long>> GetPhotoIdsAsync(CancellationToken cancellationToken) =>
        (await GetPublishedAsync(cancellationToken)).GalleryPhotoIds;

    public async ValueTask<PublishedClassifier> GetPublishedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var publishedId = await PublishedIdAsync(db, cancellationToken);
        if (current is { } known && known.Version == publishedId)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            publishedId ??= await ImportShippedAsync(db, cancellationToken);
            if (current is { } fresh && fresh.Version == publishedId)
            {
                return fresh;
            }

            var row = await db.ClassifierVersions.AsNoTracking().SingleAsync(v => v.Id == publishedId, cancellationToken);
            var snapshot = ClassifierSnapshot.FromJson(row.Snapshot);
            var loaded = new PublishedClassifier(row.Id, snapshot.Definition, snapshot.GalleryPhotoIds.ToHashSet());
            current = loaded;
            logger.LogInformation("Classifier version {Version} is in use ({Examples} examples, {Photos} gallery photos)", row.Id, snapshot.Definition.Examples.Count, snapshot.GalleryPhotoIds.Count);
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static async Task<int?> PublishedIdAsync(CivicDbContext db, CancellationToken cancellationToken) =>
        await db.ClassifierVersions.AsNoTracking()
            .Where(v => v.State == ClassifierVersionState.Published)
            .Select(v => (int?)v.Id)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Version 1 from prompts/. Two nodes starting at once both try; the unique index lets one in.</summary>
    private async Task<int> ImportShippedAsync(CivicDbContext db, CancellationToken cancellationToken)
    {
        var definition = await shipped.GetCurrentAsync(cancellationToken);
        var snapshot = new ClassifierSnapshot(definition, []).ToJson();
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO classifier_versions (state, change, created_by, created_at, published_by, published_at, snapshot)
            VALUES ('Published', 'imported from prompts/', 'system', {now}, 'system', {now}, {snapshot}::jsonb)
            ON CONFLICT (state) WHERE state = 'Published' DO NOTHING
            """, cancellationToken);
        var id = await PublishedIdAsync(db, cancellationToken) ?? throw new InvalidOperationException("No published classifier version after the import.");
        logger.LogInformation("Classifier version {Version} imported from prompts/ ({Examples} examples)", id, definition.Examples.Count);
        return id;
    }
}

/// <param name="Version">The version row's id.</param>
public sealed record PublishedClassifier(int Version, ClassifierDefinition Definition, IReadOnlySet<long> GalleryPhotoIds);
