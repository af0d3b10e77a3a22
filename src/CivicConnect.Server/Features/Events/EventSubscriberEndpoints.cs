using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Workflow.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Events;

/// <summary>
/// <c>/admin/event-subscribers</c> (supervisors): the outside systems that receive report events
/// as signed CloudEvents — list, add (<c>{ "name", "url", "department" }</c>, no department: all),
/// remove. The checks live in <see cref="EventSubscribers"/>.
/// </summary>
internal static class EventSubscriberEndpoints
{
    public static RouteGroupBuilder MapEventSubscribers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/event-subscribers").WithTags("Events").RequireAuthorization(CivicPolicies.Supervisor);
        group.MapGet("/", List).WithName("ListEventSubscribers");
        group.MapPost("/", Add).WithName("AddEventSubscriber");
        group.MapDelete("/{id:int}", Remove).WithName("RemoveEventSubscriber");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<EventSubscriberView>>> List(EventSubscribers subscribers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await subscribers.ListAsync(cancellationToken));

    public static async Task<Created<EventSubscriberView>> Add(NewEventSubscriber? body, ClaimsPrincipal user, EventSubscribers subscribers, CancellationToken cancellationToken)
    {
        var added = await subscribers.AddAsync(body ?? throw RequestValidationException.For("body", "A JSON body is required."), CivicClaims.ActorOf(user), cancellationToken);
        return TypedResults.Created($"/admin/event-subscribers/{added.Id}", added);
    }

    public static async Task<Results<NoContent, NotFound>> Remove(int id, EventSubscribers subscribers, CancellationToken cancellationToken) =>
        await subscribers.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
