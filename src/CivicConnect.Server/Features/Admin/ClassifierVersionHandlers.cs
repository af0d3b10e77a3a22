using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Evaluation;
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
    public static async Task<Results<Ok<ClassifierDiff>, ProblemHttpResult>> Diff(int id, int? against, ClassifierTuning tuning, CancellationToken cancellationToken) =>
        await tuning.DiffAsync(id, against, cancellationToken) is { } diff
            ? TypedResults.Ok(diff)
            : NoSuchVersion(await tuning.FindAsync(id, cancellationToken) is null ? id : against ?? id);

    /// <summary>
    /// Publishes the open draft through the gate. Body (optional): <c>{ "reason": "…" }</c>. A
    /// regression beyond the margin without a reason is a 422 whose problem details name the drop.
    /// </summary>
    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Publish(HttpRequest request, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await request.ReadFromJsonAsync<PublishRequest>(cancellationToken)
            : null;
        var outcome = await tuning.PublishDraftAsync(CivicClaims.ActorOf(user), body?.Reason, cancellationToken);
        return outcome.Status switch
        {
            PublishStatus.Published => TypedResults.Ok(VersionView.From(outcome.Version!)),
            PublishStatus.NoDraft => TypedResults.Problem(statusCode: 404, title: "No open draft", detail: "Make a change first; there is nothing to publish."),
            PublishStatus.Refused => GateRefusal(outcome),
            _ => TypedResults.Problem(statusCode: 409, title: "Changed meanwhile", detail: "The draft or the published version changed while the draft was being measured; evaluate again."),
        };
    }

    /// <summary>The open draft against the published version on the gate's labelled set, side by side (<c>?mode=llm</c>: through the LLM, each with its own prompt).</summary>
    public static async Task<Results<Ok<VersionComparison>, ProblemHttpResult>> EvaluateDraft(string? mode, ClassifierTuning tuning, VersionClassifiers classifiers, CancellationToken cancellationToken)
    {
        var through = EvaluationModeQuery.Parse(mode);
        if (through == EvaluationMode.Llm && !classifiers.LlmAvailable)
        {
            return EvaluationModeQuery.NoLlm();
        }

        return await tuning.EvaluateDraftAsync(cancellationToken, through) is { } comparison
            ? TypedResults.Ok(comparison)
            : TypedResults.Problem(statusCode: 404, title: "No open draft", detail: "Nothing has changed since the last publish.");
    }

    private static ProblemHttpResult GateRefusal(PublishOutcome outcome)
    {
        var gate = outcome.Gate!;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Publish refused: the draft is worse",
            detail: string.Format(culture, "Macro-F1 falls by {0:F1} points ({1:F1} → {2:F1}) on {3} labelled messages; at most {4:F1} is allowed without a reason. Publish again with a 'reason' to go ahead.",
                gate.MacroF1Drop * 100, gate.Baseline.MacroF1 * 100, gate.Candidate.MacroF1 * 100, gate.Candidate.Count, outcome.MaxMacroF1Drop * 100),
            type: "https://civicconnect.dev/problems/classifier-publish-gate",
            extensions: new Dictionary<string, object?>
            {
                ["draftVersion"] = gate.CandidateVersion,
                ["publishedVersion"] = gate.BaselineVersion,
                ["publishedMacroF1"] = gate.Baseline.MacroF1,
                ["draftMacroF1"] = gate.Candidate.MacroF1,
                ["macroF1Drop"] = gate.MacroF1Drop,
                ["maxMacroF1Drop"] = outcome.MaxMacroF1Drop,
                ["reasonRequired"] = true,
            });
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
