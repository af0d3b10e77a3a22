using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Lifecycle;
using CivicConnect.Workflow.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Issues;

/// <summary>
/// The staff API: find issues, read one with its history and photos, move it through its
/// lifecycle, assign it, comment on it. Reporter details are stripped server-side for field workers.
/// </summary>
internal static class IssueEndpoints
{
    public static RouteGroupBuilder MapIssues(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/issues").WithTags("Issues").RequireAuthorization(CivicPolicies.Staff);
        group.MapGet("/", ListIssues).WithName("ListIssues");
        group.MapGet("/{id:long}", GetIssue).WithName("GetIssue");
        group.MapPost("/{id:long}/transitions", FireTransition).WithName("FireIssueTransition");
        group.MapPost("/{id:long}/assignment", Assign).WithName("AssignIssue");
        group.MapPost("/{id:long}/comments", AddComment).WithName("CommentOnIssue");
        return group;
    }

    public static async Task<Ok<IssuePage>> ListIssues([AsParameters] IssueFilter filter, CivicDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Issues.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((filter.PageNumber - 1) * filter.Size)
            .Take(filter.Size)
            .Select(IssueViews.Summary)
            .ToListAsync(cancellationToken);
        var items = IssueViews.SeesReporter(user) ? await IssueViews.WithReportersAsync(db, rows, cancellationToken) : rows;
        return TypedResults.Ok(new IssuePage(items, filter.PageNumber, filter.Size, total));
    }

    public static async Task<Results<Ok<IssueDetail>, NotFound>> GetIssue(long id, CivicDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var detail = await IssueViews.LoadDetailAsync(db, id, IssueViews.SeesReporter(user), cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<Ok<TransitionResult>> FireTransition(long id, TransitionBody body, IssueTransitions transitions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var trigger = body.ParseTrigger();
        var result = await transitions.FireAsync(id, trigger, body.ToData(), IssueActor.From(user), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Assignment is the Assign trigger: to a department (by code), a person, or both.</summary>
    public static async Task<Ok<TransitionResult>> Assign(long id, AssignmentBody body, IssueTransitions transitions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var data = new TransitionData { Department = body.Department, Assignee = body.Assignee, Comment = body.Comment };
        var result = await transitions.FireAsync(id, IssueTrigger.Assign, data, IssueActor.From(user), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Internal comments stay with staff; public ones are also sent to the citizen.</summary>
    public static async Task<Created<HistoryLine>> AddComment(long id, CommentBody body, IssueComments comments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var line = await comments.AddAsync(id, body.Text ?? string.Empty, body.Public, IssueActor.From(user), cancellationToken);
        return TypedResults.Created($"/api/issues/{id}", new HistoryLine(line.Kind, line.Actor, line.FromStatus?.ToString(), line.ToStatus.ToString(), line.Comment, line.IsPublic, line.OccurredAt));
    }
}

/// <param name="Trigger">One of Triage, Assign, Start, Resolve, Close, MarkDuplicate, Reject, CloseNotFixed, Reopen.</param>
public sealed record TransitionBody(
    string? Trigger,
    string? Comment = null,
    bool Public = false,
    string? ResolutionNote = null,
    string? Reason = null,
    string? ReferredTo = null,
    int? DuplicateOfReference = null,
    string? Department = null,
    string? Assignee = null)
{
    internal IssueTrigger ParseTrigger() =>
        Enum.TryParse<IssueTrigger>(Trigger, ignoreCase: true, out var trigger) && Enum.IsDefined(trigger)
            ? trigger
            : throw TransitionDataException.For("trigger", $"Unknown trigger '{Trigger}'. Triggers: {string.Join(", ", Enum.GetNames<IssueTrigger>())}.");

    internal TransitionData ToData() => new()
    {
        Comment = Comment,
        Public = Public,
        ResolutionNote = ResolutionNote,
        Reason = Reason,
        ReferredTo = ReferredTo,
        DuplicateOfReference = DuplicateOfReference,
        Department = Department,
        Assignee = Assignee,
    };
}

public sealed record AssignmentBody(string? Department, string? Assignee, string? Comment = null);

public sealed record CommentBody(string? Text, bool Public = false);
