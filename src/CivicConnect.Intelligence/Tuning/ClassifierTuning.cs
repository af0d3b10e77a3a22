using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// Supervisors' changes to the classifier. Every change makes a new draft version from the open
/// draft (or from the published version when there is none) and archives the draft it replaces,
/// so the history keeps every step with who, when and what. Publishing makes the draft the one
/// published version; a rollback publishes a copy of an earlier version as a new version. Each
/// operation runs in one transaction under an advisory lock, so two supervisors never interleave.
/// Publishing is gated: the draft is measured against the published version on the gate's labelled
/// set, and a fall in macro-F1 beyond <see cref="PublishGateOptions.MaxMacroF1Drop"/> is refused
/// unless the supervisor gives a reason, which the version keeps. A rollback is not gated: it
/// restores a version that was already in service.
/// </summary>
public sealed class ClassifierTuning(
    CivicDbContext db,
    ClassifierVersionStore store,
    ClassifierComparison comparison,
    GateEvaluationSet gateSet,
    IOptions<PublishGateOptions> gate,
    TimeProvider clock)
{
    // Any fixed number: the lock serialises tuning operations across nodes.
    private const long TuningLock = 0x436c617373696679;

    /// <summary>The version changes build on: the open draft, else the published one.</summary>
    public async Task<ClassifierVersion> WorkingVersionAsync(CancellationToken cancellationToken)
    {
        await store.GetPublishedAsync(cancellationToken);
        return await db.ClassifierVersions.AsNoTracking()
            .Where(v => v.State == ClassifierVersionState.Draft || v.State == ClassifierVersionState.Published)
            .OrderBy(v => v.State == ClassifierVersionState.Draft ? 0 : 1)
            .FirstAsync(cancellationToken);
    }

    public async Task<ClassifierVersion?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.ClassifierVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);

    public async Task<ClassifierVersion?> DraftAsync(CancellationToken cancellationToken) =>
        await db.ClassifierVersions.AsNoTracking().SingleOrDefaultAsync(v => v.State == ClassifierVersionState.Draft, cancellationToken);

    public async Task<IReadOnlyList<ClassifierVersion>> ListAsync(CancellationToken cancellationToken)
    {
        await store.GetPublishedAsync(cancellationToken);
        return await db.ClassifierVersions.AsNoTracking().OrderByDescending(v => v.Id).ToListAsync(cancellationToken);
    }

    /// <summary>What changed from <paramref name="against"/> (default: the version it was made from; nothing for the first) to <paramref name="id"/>.</summary>
    /// <returns>Null when either version does not exist.</returns>
    public async Task<ClassifierDiff?> DiffAsync(int id, int? against, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } version)
        {
            return null;
        }

        var baseId = against ?? version.BasedOnId;
        var from = baseId is { } b ? await FindAsync(b, cancellationToken) : null;
        if (baseId is not null && from is null)
        {
            return null;
        }

        var to = ClassifierSnapshot.FromJson(version.Snapshot);
        var before = from is null
            ? to with { Definition = to.Definition with { Categories = [], Examples = [], PromptTemplate = string.Empty }, GalleryPhotoIds = [] }
            : ClassifierSnapshot.FromJson(from.Snapshot);
        return ClassifierDiff.Compare(before, to);
    }

    /// <summary>Applies a change to the working version and saves the result as the new draft.</summary>
    /// <param name="apply">
    /// Returns the changed snapshot, or throws to refuse the change: it runs inside the version's
    /// transaction, so rows it saves through the same context (a gallery photo) are kept only with the version.
    /// </param>
    public async Task<ClassifierVersion> ChangeAsync(string actor, string change, Func<ClassifierSnapshot, Task<ClassifierSnapshot>> apply, CancellationToken cancellationToken)
    {
        await store.GetPublishedAsync(cancellationToken);
        return await LockedAsync(async () =>
        {
            var working = await WorkingVersionAsync(cancellationToken);
            var changed = await apply(ClassifierSnapshot.FromJson(working.Snapshot));
            await db.ClassifierVersions.Where(v => v.State == ClassifierVersionState.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, ClassifierVersionState.Archived), cancellationToken);
            var draft = new ClassifierVersion
            {
                State = ClassifierVersionState.Draft,
                BasedOnId = working.Id,
                Change = Truncate(change),
                CreatedBy = actor,
                CreatedAt = clock.GetUtcNow(),
                Snapshot = changed.ToJson(),
            };
            db.ClassifierVersions.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return draft;
        }, cancellationToken);
    }

    /// <summary>The open draft measured against the published version on the gate's set; null when there is no draft.</summary>
    /// <param name="mode">Through the embedded model (the gate's measure) or the configured LLM, each version with its own prompt template.</param>
    public async Task<VersionComparison?> EvaluateDraftAsync(CancellationToken cancellationToken, EvaluationMode mode = EvaluationMode.Embedded)
    {
        var published = await store.GetPublishedAsync(cancellationToken);
        var draft = await DraftAsync(cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var baseline = await db.ClassifierVersions.AsNoTracking().SingleAsync(v => v.Id == published.Version, cancellationToken);
        return await comparison.CompareAsync(
            (baseline.Id, ClassifierSnapshot.FromJson(baseline.Snapshot)), (draft.Id, ClassifierSnapshot.FromJson(draft.Snapshot)), gateSet.Load(), cancellationToken, mode);
    }

    /// <summary>
    /// Publishes the open draft through the gate. The measurement runs before the lock (it takes
    /// seconds); under the lock the draft and the published version must still be the ones measured,
    /// else the outcome is <see cref="PublishStatus.ChangedMeanwhile"/> and nothing is published.
    /// </summary>
    /// <param name="reason">Why to publish despite a regression; kept in the version whenever given.</param>
    public async Task<PublishOutcome> PublishDraftAsync(string actor, string? reason, CancellationToken cancellationToken)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : TuningInput.Text("reason", reason, TuningInput.MaxReasonLength);
        var maxDrop = gate.Value.MaxMacroF1Drop;
        var measured = await EvaluateDraftAsync(cancellationToken);
        if (measured is null)
        {
            return new PublishOutcome(PublishStatus.NoDraft, null, null, maxDrop);
        }

        // A tiny tolerance: a drop of exactly the margin, computed in floating point, is within it.
        if (measured.MacroF1Drop > maxDrop + 1e-9 && why is null)
        {
            return new PublishOutcome(PublishStatus.Refused, null, measured, maxDrop);
        }

        return await LockedAsync(async () =>
        {
            var draft = await db.ClassifierVersions.SingleOrDefaultAsync(v => v.State == ClassifierVersionState.Draft, cancellationToken);
            var publishedId = await db.ClassifierVersions.Where(v => v.State == ClassifierVersionState.Published).Select(v => v.Id).SingleAsync(cancellationToken);
            if (draft is null || draft.Id != measured.CandidateVersion || publishedId != measured.BaselineVersion)
            {
                return new PublishOutcome(PublishStatus.ChangedMeanwhile, null, measured, maxDrop);
            }

            await ArchivePublishedAsync(cancellationToken);
            draft.State = ClassifierVersionState.Published;
            draft.PublishedBy = actor;
            draft.PublishedAt = clock.GetUtcNow();
            draft.PublishReason = why;
            draft.GateBaselineMacroF1 = measured.Baseline.MacroF1;
            draft.GateMacroF1 = measured.Candidate.MacroF1;
            await db.SaveChangesAsync(cancellationToken);
            return new PublishOutcome(PublishStatus.Published, draft, measured, maxDrop);
        }, cancellationToken);
    }

    /// <summary>Publishes a copy of <paramref name="versionId"/> as a new version; the open draft, if any, stays open.</summary>
    /// <returns>The new published version, or null when there is no such version.</returns>
    public async Task<ClassifierVersion?> RollbackAsync(int versionId, string actor, CancellationToken cancellationToken)
    {
        await store.GetPublishedAsync(cancellationToken);
        return await LockedAsync(async () =>
        {
            var source = await db.ClassifierVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
            if (source is null)
            {
                return null;
            }

            await ArchivePublishedAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var restored = new ClassifierVersion
            {
                State = ClassifierVersionState.Published,
                BasedOnId = source.Id,
                Change = $"rollback to version {source.Id}",
                CreatedBy = actor,
                CreatedAt = now,
                PublishedBy = actor,
                PublishedAt = now,
                Snapshot = source.Snapshot,
            };
            db.ClassifierVersions.Add(restored);
            await db.SaveChangesAsync(cancellationToken);
            return restored;
        }, cancellationToken);
    }

    private async Task ArchivePublishedAsync(CancellationToken cancellationToken) =>
        await db.ClassifierVersions.Where(v => v.State == ClassifierVersionState.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, ClassifierVersionState.Archived), cancellationToken);

    private async Task<T> LockedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({TuningLock})", cancellationToken);
            var result = await operation();
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
