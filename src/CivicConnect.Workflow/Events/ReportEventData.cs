using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.Events;

/// <summary>
/// The <c>data</c> of a report event: the public facts of the report as it stands after the change
/// — what the public Open311 feed would show, and no more. Never the reporter's name, phone, e-mail,
/// address or conversation; the description without contact details (<see cref="Core.Privacy.IContactRedactor"/>).
/// </summary>
/// <param name="Reference">The number citizens and staff quote; also the event's <c>subject</c>.</param>
/// <param name="Category">The service category's code (e.g. <c>pothole</c>).</param>
/// <param name="Department">The responsible department's code (e.g. <c>ROADS</c>); null when none.</param>
/// <param name="Ward">The ward's code; null outside every ward.</param>
/// <param name="Point">Where the problem is (WGS 84).</param>
/// <param name="Address">The place as the report names it (a street address or intersection).</param>
public sealed record ReportEventData(
    int Reference,
    string Category,
    string? Department,
    IssueStatus Status,
    Priority Priority,
    string? Ward,
    ReportPoint? Point,
    string? Address,
    string? Description,
    int EscalationLevel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    ReportTransition? Transition = null,
    ReportComment? Comment = null);

public sealed record ReportPoint(double Latitude, double Longitude);

/// <summary>What a transition did.</summary>
public sealed record ReportTransition(string Trigger, IssueStatus From, IssueStatus To);

/// <summary>A staff comment: internal ones say only that there was one.</summary>
public sealed record ReportComment(bool Public, string? Text);
