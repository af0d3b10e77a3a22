using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Tuning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierVersionHandlers
{
    public static async Task<Ok<VersionView[]>> List(ClassifierTuning tuning, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tuning.ListAsync(cancellationToken)).Select(VersionView.From).ToArray());

    public static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> Get(int id, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        if (await tuning.FindAsync(id, cancellationToken) is not { } version)
        {
            return NoSuchVersion(id);
        }

        var snapshot = ClassifierSnapshot.FromJson(version.Snapshot);
        return TypedResults.Ok(new VersionDetail(VersionView.From(version), snapshot.Definition, snapshot.GalleryPhotoIds));
    }

    public static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> GetDraft(ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        if (await tuning.DraftAsync(cancellationToken) is not { } draft)
        {
            return TypedResults.Problem(statusCode: 404, title: "No open draft", detail: "Nothing has changed since the last publish.");
        }

        var snapshot = ClassifierSnapshot.FromJson(draft.Snapshot);
        return TypedResults.Ok(new VersionDetail(VersionView.From(draft), snapshot.Definition, snapshot.GalleryPhotoIds));
    }

    /// <param name="against">The version to compare with; by default the one this version was made from.</param>
    public static async Task<Results<Ok<ClassifierDiff>, ProblemHttpResult>> Diff(int id, int? against, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        if (await tuning.FindAsync(id, cancellationToken) is not { } version)
        {
            return NoSuchVersion(id);
        }

        var baseId = against ?? version.BasedOnId;
        var from = baseId is { } b ? await tuning.FindAsync(b, cancellationToken) : null;
        if (baseId is not null && from is null)
        {
            return NoSuchVersion(baseId.Value);
        }

        var to = ClassifierSnapshot.FromJson(version.Snapshot);
        var before = from is null ? to with { Definition = to.Definition with { Categories = [], Examples = [], PromptTemplate = string.Empty }, GalleryPhotoIds = [] } : ClassifierSnapshot.FromJson(from.Snapshot);
        return TypedResults.Ok(ClassifierDiff.Compare(before, to));
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Publish(ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var published = await tuning.PublishDraftAsync(CivicClaims.ActorOf(user), cancellationToken);
        return published is null
            ? TypedResults.Problem(statusCode: 404, title: "No open draft", detail: "Make a change first; there is nothing to publish.")
            : TypedResults.Ok(VersionView.From(published));
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Rollback(int id, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        if (await tuning.FindAsync(id, cancellationToken) is not { } target)
        {
            return NoSuchVersion(id);
        }

        if (target.State == ClassifierVersionState.Published)
        {
            return TypedResults.Problem(statusCode: 409, title: "Already published", detail: $"Version {id} is the published version.");
        }

        var restored = await tuning.RollbackAsync(id, CivicClaims.ActorOf(user), cancellationToken);
        return restored is null ? NoSuchVersion(id) : TypedResults.Ok(VersionView.From(restored));
    }

    private static ProblemHttpResult NoSuchVersion(int id) =>
        TypedResults.Problem(statusCode: 404, title: "No such version", detail: $"There is no classifier version {id}.");
}
