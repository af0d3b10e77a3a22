using System.Security.Claims;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Workflow.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Routing;

/// <summary>
/// <c>/admin/routing</c> (supervisors): the rules in force, their versions, the draft (save,
/// simulate on the last N reports, publish, discard), rolling back (which publishes an old set
/// again as a new version) and simulating any rule set without saving it. Bodies use the rules
/// file's JSON shape (priorities and days as words).
/// <c>PUT /admin/routing</c> is kept for existing tools: it saves the rules as the draft, simulates
/// them on the last 100 reports and publishes them in one call — the same checks as the draft path.
/// </summary>
internal static class RoutingAdminEndpoints
{
    public static RouteGroupBuilder MapRoutingAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/routing").WithTags("Routing").RequireAuthorization(CivicPolicies.Supervisor);
        group.MapGet("/", GetCurrent).WithName("GetRoutingRules");
        group.MapPut("/", Publish).WithName("PublishRoutingRules");
        group.MapGet("/versions", ListVersions).WithName("ListRoutingVersions");
        group.MapGet("/versions/{version:int}", GetVersion).WithName("GetRoutingVersion");
        group.MapPost("/versions/{version:int}/rollback", Rollback).WithName("RollBackRoutingRules");
        group.MapPost("/simulate", Simulate).WithName("SimulateRoutingRules");
        group.MapGet("/draft", GetDraft).WithName("GetRoutingDraft");
        group.MapPut("/draft", SaveDraft).WithName("SaveRoutingDraft");
        group.MapDelete("/draft", DiscardDraft).WithName("DiscardRoutingDraft");
        group.MapPost("/draft/simulate", SimulateDraft).WithName("SimulateRoutingDraft");
        group.MapPost("/draft/publish", PublishDraft).WithName("PublishRoutingDraft");
        return group;
    }

    public static async Task<JsonHttpResult<RulesView>> GetCurrent(RoutingRuleStore store, CancellationToken cancellationToken) =>
        View(await store.CurrentAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<RoutingVersionInfo>>> ListVersions(RoutingRuleStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.VersionsAsync(cancellationToken));

    public static async Task<Results<JsonHttpResult<RulesView>, NotFound>> GetVersion(int version, RoutingRuleStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(version, cancellationToken) is { } found ? View(found) : TypedResults.NotFound();

    /// <summary>Save as the draft, simulate, publish — in one call (compatibility).</summary>
    public static async Task<JsonHttpResult<RulesView>> Publish(HttpRequest request, ClaimsPrincipal user, RoutingDrafts drafts, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<PublishRequest>(request, cancellationToken);
        var rules = body.Rules ?? throw RequestValidationException.For("rules", "The rule set is missing.");
        return View(await drafts.SaveAndPublishAsync(rules, CivicClaims.ActorOf(user), body.Comment, cancellationToken));
    }

    public static async Task<Results<JsonHttpResult<RulesView>, NotFound>> Rollback(int version, ClaimsPrincipal user, RoutingDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.RollbackAsync(version, CivicClaims.ActorOf(user), cancellationToken) is { } restored ? View(restored) : TypedResults.NotFound();

    public static async Task<Results<JsonHttpResult<RoutingDraft>, ProblemHttpResult>> GetDraft(RoutingDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.GetAsync(cancellationToken) is { } draft ? TypedResults.Json(draft, RoutingJson.Options) : NoDraft();

    public static async Task<JsonHttpResult<RoutingDraft>> SaveDraft(HttpRequest request, ClaimsPrincipal user, RoutingDrafts drafts, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<PublishRequest>(request, cancellationToken);
        var rules = body.Rules ?? throw RequestValidationException.For("rules", "The rule set is missing.");
        return TypedResults.Json(await drafts.SaveAsync(rules, CivicClaims.ActorOf(user), body.Comment, cancellationToken), RoutingJson.Options);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DiscardDraft(RoutingDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.DiscardAsync(cancellationToken) ? TypedResults.NoContent() : NoDraft();

    /// <summary>Body (optional): <c>{ "last": 100 }</c>.</summary>
    public static async Task<Results<JsonHttpResult<RoutingSimulation>, ProblemHttpResult>> SimulateDraft(HttpRequest request, RoutingDrafts drafts, CancellationToken cancellationToken)
    {
        var last = request.ContentLength is > 0 ? (await ReadAsync<SimulateRequest>(request, cancellationToken)).Last : null;
        return await drafts.SimulateAsync(last ?? RoutingDrafts.DefaultSimulated, cancellationToken) is { } simulation
            ? TypedResults.Json(simulation, RoutingJson.Options)
            : NoDraft();
    }

    /// <summary>Body (optional): <c>{ "comment": "…" }</c>. 409 until the draft as it stands has been simulated against the rules in force.</summary>
    public static async Task<Results<JsonHttpResult<RulesView>, ProblemHttpResult>> PublishDraft(HttpRequest request, ClaimsPrincipal user, RoutingDrafts drafts, CancellationToken cancellationToken)
    {
        var comment = request.ContentLength is > 0 ? (await ReadAsync<PublishRequest>(request, cancellationToken)).Comment : null;
        var outcome = await drafts.PublishAsync(CivicClaims.ActorOf(user), comment, cancellationToken);
        return outcome.Status switch
        {
            RoutingPublishStatus.Published => View(outcome.Published!),
            RoutingPublishStatus.NoDraft => NoDraft(),
            _ => TypedResults.Problem(statusCode: 409, title: "Simulate the draft first",
                detail: "The draft as it stands has not been simulated against the rules in force; POST /admin/routing/draft/simulate, look at what moves, then publish."),
        };
    }

    public static async Task<JsonHttpResult<RoutingSimulation>> Simulate(
        HttpRequest request,
        RoutingSimulator simulator,
        RoutingRuleValidator validator,
        IOptions<RoutingOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await ReadAsync<SimulateRequest>(request, cancellationToken);
        var rules = body.Rules ?? throw RequestValidationException.For("rules", "The draft rule set is missing.");
        if (body.Last is < 1 || body.Last > options.Value.MaxSimulated)
        {
            throw RequestValidationException.For("last", $"Between 1 and {options.Value.MaxSimulated} issues can be replayed.");
        }

        await ValidateAsync(validator, rules, cancellationToken);
        return TypedResults.Json(await simulator.SimulateAsync(rules, body.Last ?? 100, cancellationToken), RoutingJson.Options);
    }

    private static JsonHttpResult<RulesView> View(PublishedRules rules) =>
        TypedResults.Json(new RulesView(rules.Version, rules.Info.CreatedBy, rules.Info.Comment, rules.Info.CreatedAt, rules.Rules), RoutingJson.Options);

    private static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, RoutingJson.Options, cancellationToken)
            ?? throw RequestValidationException.For("body", "A JSON body is required.");

    private static ProblemHttpResult NoDraft() =>
        TypedResults.Problem(statusCode: 404, title: "No routing draft", detail: "Save a draft first (PUT /admin/routing/draft).");

    private static async Task ValidateAsync(RoutingRuleValidator validator, RoutingRuleSet rules, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(rules, cancellationToken) is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }
    }

    public sealed record RulesView(int Version, string CreatedBy, string? Comment, DateTimeOffset CreatedAt, RoutingRuleSet Rules);

    public sealed record PublishRequest(RoutingRuleSet? Rules, string? Comment);

    /// <param name="Last">How many of the most recent reports to replay (default 100).</param>
    public sealed record SimulateRequest(RoutingRuleSet? Rules, int? Last);
}
