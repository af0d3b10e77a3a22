using System.Security.Claims;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Workflow.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Routing;

/// <summary>
/// <c>/admin/routing</c> (supervisors): the rules in force, their versions, publishing a new set,
/// rolling back (which publishes an old set again as a new version) and simulating a draft.
/// Bodies use the rules file's JSON shape (priorities and days as words).
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
        return group;
    }

    public static async Task<JsonHttpResult<RulesView>> GetCurrent(RoutingRuleStore store, CancellationToken cancellationToken) =>
        View(await store.CurrentAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<RoutingVersionInfo>>> ListVersions(RoutingRuleStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.VersionsAsync(cancellationToken));

    public static async Task<Results<JsonHttpResult<RulesView>, NotFound>> GetVersion(int version, RoutingRuleStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(version, cancellationToken) is { } found ? View(found) : TypedResults.NotFound();

    public static async Task<JsonHttpResult<RulesView>> Publish(HttpRequest request, ClaimsPrincipal user, RoutingRuleStore store, RoutingRuleValidator validator, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<PublishRequest>(request, cancellationToken);
        var rules = body.Rules ?? throw RequestValidationException.For("rules", "The rule set is missing.");
        await ValidateAsync(validator, rules, cancellationToken);
        return View(await store.PublishAsync(rules, CivicClaims.ActorOf(user), body.Comment, cancellationToken));
    }

    public static async Task<Results<JsonHttpResult<RulesView>, NotFound>> Rollback(int version, ClaimsPrincipal user, RoutingRuleStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(version, cancellationToken) is not { } old)
        {
            return TypedResults.NotFound();
        }

        return View(await store.PublishAsync(old.Rules, CivicClaims.ActorOf(user), $"Rollback to version {version}", cancellationToken));
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
