using System.Globalization;
using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Server.Hosting;
using CivicConnect.Staff.Reports;
using CivicConnect.Workflow.Lifecycle;
using CivicConnect.Workflow.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicConnect.Server.Features.Issues;

/// <summary>
/// The staff API: find issues, read one with its history and photos, move it through its
/// lifecycle, assign it, comment on it, add a photo. The reading rules (department scope, reporter
/// details never given to field workers) are <see cref="ReportQueries"/>'s, the same the console uses.
/// A change may carry the version the caller read (If-Match, or <c>version</c> in the body): when the
/// issue changed since, the answer is 409 and nothing is written. Without one, the change applies to
/// the issue as it is.
/// </summary>
internal static class IssueEndpoints
{
    public static RouteGroupBuilder MapIssues(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/issues").WithTags("Issues").RequireAuthorization(CivicPolicies.Staff);
        group.MapGet("/", ListIssues).WithName("ListIssues");
        group.MapGet("/counts", CountIssues).WithName("CountIssues");
        group.MapGet("/assigned", AssignedIssues).WithName("ListAssignedIssues");
        group.MapGet("/{id:long}", GetIssue).WithName("GetIssue");
        group.MapPost("/{id:long}/transitions", FireTransition).WithName("FireIssueTransition");
        group.MapPost("/{id:long}/assignment", Assign).WithName("AssignIssue");
        group.MapPost("/{id:long}/comments", AddComment).WithName("CommentOnIssue");
        group.MapPost("/{id:long}/photos", AddPhoto).WithName("AddIssuePhoto").DisableAntiforgery();
        app.MapConsoleReportPhotos();
        return group;
    }

    public static async Task<Ok<IssuePage>> ListIssues([AsParameters] ReportFilter filter, ReportQueries reports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ListAsync(filter, ReportViewer.From(user), cancellationToken));

    /// <summary>The same filter as the list; counts per status (the status filter aside) and past-deadline.</summary>
    public static async Task<Ok<ReportCounts>> CountIssues([AsParameters] ReportFilter filter, ReportQueries reports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.CountAsync(filter, ReportViewer.From(user), cancellationToken));

    /// <summary>A field worker's own work: assigned to them by name, or to their crew with no one named.</summary>
    public static async Task<Ok<IReadOnlyList<WorkItem>>> AssignedIssues(ReportQueries reports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.AssignedWorkAsync(ReportViewer.From(user), cancellationToken));

    public static async Task<Results<Ok<IssueDetail>, NotFound>> GetIssue(long id, ReportQueries reports, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var detail = await reports.DetailAsync(id, ReportViewer.From(user), cancellationToken);
        if (detail is null)
        {
            return TypedResults.NotFound();
        }

        response.Headers.ETag = ETagOf(detail.Version);
        return TypedResults.Ok(detail);
    }

    public static async Task<Ok<TransitionResult>> FireTransition(long id, TransitionBody body, IssueTransitions transitions, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var trigger = body.ParseTrigger();
        var result = await transitions.FireAsync(id, trigger, body.ToData(), IssueActor.From(user), ExpectedVersion(request, body.Version), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Assignment is the Assign trigger: to a department (by code), a person, or both.</summary>
    public static async Task<Ok<TransitionResult>> Assign(long id, AssignmentBody body, IssueTransitions transitions, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var data = new TransitionData { Department = body.Department, Assignee = body.Assignee, Comment = body.Comment };
        var result = await transitions.FireAsync(id, IssueTrigger.Assign, data, IssueActor.From(user), ExpectedVersion(request, body.Version), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Internal comments stay with staff; public ones are also sent to the citizen.</summary>
    public static async Task<Created<HistoryLine>> AddComment(long id, CommentBody body, IssueComments comments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var line = await comments.AddAsync(id, body.Text ?? string.Empty, body.Public, IssueActor.From(user), cancellationToken);
        return TypedResults.Created($"/api/issues/{id}", new HistoryLine(line.Kind, line.Actor, line.FromStatus?.ToString(), line.ToStatus.ToString(), line.Comment, line.IsPublic, line.OccurredAt));
    }

    /// <summary>A photo of the work (multipart, field <c>file</c>): stored like citizens' photos, attached to the issue.</summary>
    public static async Task<Created<MediaView>> AddPhoto(long id, IFormFile? file, ReportPhotos photos, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw RequestValidationException.For("file", "Attach the photo as 'file' (multipart/form-data).");
        }

        await using var content = file.OpenReadStream();
        var media = await photos.AttachAsync(id, content, file.FileName, ReportViewer.From(user), cancellationToken);
        return TypedResults.Created($"/api/issues/{id}", media);
    }

    /// <summary>The version from If-Match (an ETag as <see cref="GetIssue"/> sends it), else from the body, else none.</summary>
    private static uint? ExpectedVersion(HttpRequest request, uint? fromBody)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return fromBody;
        }

        var tag = header.Trim();
        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return uint.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw RequestValidationException.For("If-Match", "If-Match is the ETag of the issue as last read (e.g. \"1234\").");
    }

    private static string ETagOf(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}

/// <param name="Trigger">One of Triage, Assign, Start, Resolve, Close, MarkDuplicate, Reject, CloseNotFixed, Reopen.</param>
/// <param name="Version">The issue's version as read (optional): a change made since is refused with 409.</param>
public sealed record TransitionBody(
    string? Trigger,
    string? Comment = null,
    bool Public = false,
    string? ResolutionNote = null,
    string? Reason = null,
    string? ReferredTo = null,
    int? DuplicateOfReference = null,
    string? Department = null,
    string? Assignee = null,
    uint? Version = null)
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

public sealed record AssignmentBody(string? Department, string? Assignee, string? Comment = null, uint? Version = null);

public sealed record CommentBody(string? Text, bool Public = false);
