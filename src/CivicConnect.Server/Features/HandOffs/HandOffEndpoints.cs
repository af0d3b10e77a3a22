using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Staff.HandOffs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.HandOffs;

/// <summary>
/// The hand-off API for other clients (and tests): the same inbox and desk as the console page.
/// Agents and supervisors see every hand-off, staff their department's; every refusal is problem details.
/// </summary>
internal static class HandOffEndpoints
{
    public static RouteGroupBuilder MapHandOffs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handoffs").WithTags("HandOffs")
            .RequireAuthorization(CivicPolicies.HandOffs)
            .AddEndpointFilter<HandOffProblems>();
        group.MapGet("/", List).WithName("ListHandOffs");
        group.MapGet("/{id:long}", Get).WithName("GetHandOff");
        group.MapPost("/{id:long}/claim", Claim).WithName("ClaimHandOff");
        group.MapPost("/{id:long}/messages", Send).WithName("SendHandOffMessage");
        group.MapPost("/{id:long}/release", Release).WithName("ReleaseHandOff");
        group.MapPost("/{id:long}/close", Close).WithName("CloseHandOff");
        group.MapPost("/{id:long}/file", FileReport).WithName("FileHandOffReport");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<HandOffSummary>>> List(HandOffInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.ListAsync(HandOffAgent.From(user), cancellationToken));

    public static async Task<Ok<HandOffDetail>> Get(long id, HandOffInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.GetAsync(id, HandOffAgent.From(user), cancellationToken));

    public static async Task<Ok<HandOffDetail>> Claim(long id, HandOffDesk desk, HandOffInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = HandOffAgent.From(user);
        await desk.ClaimAsync(id, agent, cancellationToken);
        return TypedResults.Ok(await inbox.GetAsync(id, agent, cancellationToken));
    }

    public static async Task<Created<SentLine>> Send(long id, MessageBody body, HandOffDesk desk, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var line = await desk.SendAsync(id, body.Text, HandOffAgent.From(user), cancellationToken);
        return TypedResults.Created($"/api/handoffs/{id}", line);
    }

    public static async Task<Ok<HandOffDetail>> Release(long id, HandOffDesk desk, HandOffInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = HandOffAgent.From(user);
        await desk.ReleaseAsync(id, agent, cancellationToken);
        return TypedResults.Ok(await inbox.GetAsync(id, agent, cancellationToken));
    }

    public static async Task<Ok<HandOffDetail>> Close(long id, HandOffDesk desk, HandOffInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = HandOffAgent.From(user);
        await desk.CloseAsync(id, agent, cancellationToken);
        return TypedResults.Ok(await inbox.GetAsync(id, agent, cancellationToken));
    }

    public static async Task<Created<FiledReport>> FileReport(long id, FileRequest? body, HandOffFiler filer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var filed = await filer.FileAsync(id, body ?? new FileRequest(), HandOffAgent.From(user), cancellationToken);
        return TypedResults.Created($"/api/issues/{filed.IssueId}", filed);
    }
}

public sealed record MessageBody(string? Text);
