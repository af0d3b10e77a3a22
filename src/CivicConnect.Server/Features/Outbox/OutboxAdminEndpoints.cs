using System.Text.Json;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Logging;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Server.Features.Outbox;

/// <summary>
/// Messages the outbox gave up on are never dropped silently: supervisors list them here (with
/// the provider circuits open right now) and send one again once the cause is fixed.
/// </summary>
public static class OutboxAdminEndpoints
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapOutboxAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/outbox").WithTags("Outbox").RequireAuthorization(CivicPolicies.Supervisor);
        group.MapGet("/failed", ListFailed).WithName("ListFailedOutboxMessages");
        group.MapPost("/{id:long}/retry", Retry).WithName("RetryOutboxMessage");
        return group;
    }

    /// <summary><c>GET /admin/outbox/failed?before={id}&amp;limit=50</c>: newest first; page with the last id seen.</summary>
    public static async Task<Ok<FailedOutboxPage>> ListFailed(long? before, int? limit, CivicDbContext db, ProviderCircuits circuits, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, MaxPageSize);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id)
            .Take(take)
            .Select(m => new { m.Id, m.Kind, m.Channel, m.Address, m.ConversationId, m.Attempts, m.LastError, m.ProviderStatus, m.CreatedAt, m.Payload })
            .ToListAsync(cancellationToken);

        // Phone numbers are masked like in the logs: enough to recognise a case, not to harvest numbers.
        var items = rows.Select(m => new FailedOutboxMessage(
            m.Id, m.Kind, m.Channel, PiiMask.Mask(m.Address), m.ConversationId, m.Attempts, m.LastError, m.ProviderStatus, m.CreatedAt, Preview(m.Payload))).ToList();
        return TypedResults.Ok(new FailedOutboxPage(items, items.Count == take ? items[^1].Id : null, circuits.Open));
    }

    /// <summary><c>POST /admin/outbox/{id}/retry</c>: a failed message goes back to the queue with fresh attempts.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> Retry(
        long id, CivicDbContext db, OutboxSignal signal, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Status, m.ConversationId }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", $"There is no outbox message {id}.");
        }

        if (row.ConversationId is { } conversationId && await db.Conversations.AnyAsync(c => c.Id == conversationId && c.OptedOut, cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, "Citizen opted out", "The citizen opted out of messages; it cannot be sent again until they opt back in.");
        }

        // Only a Failed row moves: a concurrent retry (or one that is already Sent) changes nothing.
        var now = clock.GetUtcNow();
        var moved = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (moved == 0)
        {
            return Problem(StatusCodes.Status409Conflict, "Not failed", $"Outbox message {id} is {row.Status}, not Failed.");
        }

        loggers.CreateLogger(typeof(OutboxAdminEndpoints)).LogInformation("Outbox message {Id} queued again by a supervisor", id);
        signal.Notify();
        return TypedResults.Accepted($"/admin/outbox/{id}");
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static string? Preview(string payload)
    {
        try
        {
            var text = OutboxPayload.Read(payload).Reply.Text;
            return text is { Length: > 120 } ? text[..117] + "…" : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record FailedOutboxPage(IReadOnlyList<FailedOutboxMessage> Items, long? NextBefore, IReadOnlyList<string> OpenCircuits);

public sealed record FailedOutboxMessage(
    long Id, string Kind, string Channel, string Address, Guid? ConversationId, int Attempts, string? LastError, string? ProviderStatus, DateTimeOffset CreatedAt, string? Preview);
