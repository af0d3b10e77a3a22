using CivicConnect.Core.Security;

namespace CivicConnect.Server.Features.Admin;

/// <summary>
/// The supervisor API for tuning the classifier. Every change lands in the open draft (a new
/// version each time); the draft is evaluated and tried, then published; any earlier version can
/// be published again (rollback). Supervisors only: other staff get 403, no token 401.
/// </summary>
internal static class AdminClassifierEndpoints
{
    public static RouteGroupBuilder MapAdminClassifier(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/classifier")
            .RequireAuthorization(CivicPolicies.Supervisor)
            .WithTags("Admin: classifier")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/categories", ClassifierCategoryHandlers.List).WithName("AdminListClassifierCategories")
            .WithSummary("Categories of the working version (the draft, else the published one) with their descriptions and example counts");
        group.MapPut("/categories/{code}/description", ClassifierCategoryHandlers.EditDescription).WithName("AdminEditCategoryDescription")
            .WithSummary("Change a category's description in one locale (new draft version)");

        group.MapGet("/examples", ClassifierExampleHandlers.List).WithName("AdminListExamples")
            .WithSummary("Labelled text examples of the working version, optionally of one category");
        group.MapPost("/examples", ClassifierExampleHandlers.Add).WithName("AdminAddExamples")
            .WithSummary("Add labelled text examples (new draft version); all or none").DisableAntiforgery();
        group.MapGet("/examples/similar", ClassifierExampleHandlers.Similar).WithName("AdminSimilarExamples")
            .WithSummary("Examples of the working version closest in meaning to ?text= (sentence embeddings), most similar first");
        group.MapPost("/examples/import", ClassifierExampleHandlers.Import).WithName("AdminImportExamples")
            .WithSummary("Add examples from a CSV (text,category[,expected_priority,locale]) as a text/csv body or a 'file' upload (new draft version); all or none").DisableAntiforgery();
        group.MapPut("/examples/{id}", ClassifierExampleHandlers.Edit).WithName("AdminEditExample")
            .WithSummary("Replace an example's text, category, locale or expected priority (new draft version)");
        group.MapDelete("/examples/{id}", ClassifierExampleHandlers.Remove).WithName("AdminRemoveExample")
            .WithSummary("Remove a labelled text example by its id (new draft version)");

        group.MapGet("/photos", ClassifierPhotoHandlers.List).WithName("AdminListGalleryPhotos")
            .WithSummary("Labelled gallery photos of the working version");
        group.MapPost("/photos", ClassifierPhotoHandlers.Upload).WithName("AdminUploadGalleryPhoto")
            .WithSummary("Upload a labelled photo (multipart: file, category) to the gallery of a new draft version").DisableAntiforgery();
        group.MapDelete("/photos/{id:long}", ClassifierPhotoHandlers.Remove).WithName("AdminRemoveGalleryPhoto")
            .WithSummary("Take a photo out of the gallery (new draft version)");

        group.MapGet("/prompt", ClassifierPromptHandlers.Get).WithName("AdminGetPromptTemplate")
            .WithSummary("The LLM prompt template of the working version");
        group.MapPut("/prompt", ClassifierPromptHandlers.Put).WithName("AdminPutPromptTemplate")
            .WithSummary("Replace the LLM prompt template (new draft version)");

        group.MapGet("/versions", ClassifierVersionHandlers.List).WithName("AdminListClassifierVersions")
            .WithSummary("Every version, newest first: state, who, when, what changed");
        group.MapGet("/versions/{id:int}", ClassifierVersionHandlers.Get).WithName("AdminGetClassifierVersion")
            .WithSummary("One version with its whole definition");
        group.MapGet("/versions/{id:int}/diff", ClassifierVersionHandlers.Diff).WithName("AdminDiffClassifierVersions")
            .WithSummary("What changed from version 'against' (default: the version it was based on) to this one");
        group.MapPost("/versions/{id:int}/rollback", ClassifierVersionHandlers.Rollback).WithName("AdminRollbackClassifier")
            .WithSummary("Publish a copy of an earlier version as a new version");
        group.MapGet("/draft", ClassifierVersionHandlers.GetDraft).WithName("AdminGetClassifierDraft")
            .WithSummary("The open draft, if any");
        group.MapPost("/draft/evaluate", ClassifierVersionHandlers.EvaluateDraft).WithName("AdminEvaluateClassifierDraft")
            .WithSummary("The open draft against the published version on the publish gate's labelled set: both reports and every message whose answer changes (?mode=llm: through the configured LLM, each version with its own prompt template; 409 without one)");
        group.MapPost("/draft/publish", ClassifierVersionHandlers.Publish).WithName("AdminPublishClassifierDraft")
            .WithSummary("Publish the open draft through the gate (a macro-F1 fall beyond Classifier:PublishGate:MaxMacroF1Drop needs { \"reason\" }, else 422); every node uses it from its next message")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).DisableAntiforgery();

        group.MapPost("/evaluate", ClassifierEvaluationHandlers.Evaluate).WithName("AdminEvaluateClassifier")
            .WithSummary("Score a version (?version=draft|published|N) on a labelled set: JSON {examples}, a CSV body or upload (text,category[,expected_priority,locale]), or nothing for the shipped evaluation file; ?mode=llm runs it through the configured LLM with the version's prompt template (tokens reported, a failed call is unanswered; 409 without one)")
            .DisableAntiforgery();
        group.MapPost("/classify", ClassifierEvaluationHandlers.Classify).WithName("AdminTryClassifier")
            .WithSummary("Classify one message with a version (default: the draft, else the published one)");
        return group;
    }
}
