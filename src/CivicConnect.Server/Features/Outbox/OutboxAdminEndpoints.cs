using CivicConnect.Core.Security;
using CivicConnect.Staff.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CivicConnect.Server.Features.Outbox;

/// <summary>
/// Messages the outbox gave up on are never dropped silently: supervisors list them here (with
/// the provider circuits open right now) and send one again once the cause is fixed. The console's
/// failed-messages page calls the same services (<see cref="FailedOutboxQuery"/>, <see cref="OutboxRetry"/>).
/// </summary>
public static class OutboxAdminEndpoints
{
    public static RouteGroupBuilder MapOutboxAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/outbox").WithTags("Outbox").RequireAuthorization(CivicPolicies.Supervisor);
        group.MapGet("/failed", ListFailed).WithName("ListFailedOutboxMessages");
        group.MapPost("/{id:long}/retry", Retry).WithName("RetryOutboxMessage");
        return group;
    }

    /// <summary><c>GET /admin/outbox/failed?before={id}&amp;limit=50[&amp;channel=sms&amp;kind=reply]</c>: newest first; page with the last id seen.</summary>
    public static async Task<Ok<FailedOutboxPage>> ListFailed(long? before, int? limit, string? channel, string? kind, FailedOutboxQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListAsync(new FailedOutboxFilter(channel, kind), before, limit, cancellationToken));

    /// <summary><c>POST /admin/outbox/{id}/retry</c>: a failed message goes back to the queue with fresh attempts.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> Retry(long id, OutboxRetry retry, CancellationToken cancellationToken)
    {
        var result = await retry.RetryAsync(id, cancellationToken);
        return result.Outcome switch
        {
            OutboxRetryOutcome.Queued => TypedResults.Accepted($"/admin/outbox/{id}"),
            OutboxRetryOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", $"There is no outbox message {id}."),
            OutboxRetryOutcome.OptedOut => Problem(StatusCodes.Status409Conflict, "Citizen opted out", "The citizen opted out of messages; it cannot be sent again until they opt back in."),
            _ => Problem(StatusCodes.Status409Conflict, "Not failed", $"Outbox message {id} is {result.Status}, not Failed."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
