using CivicConnect.Core.Issues;
using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

public sealed class Issue
{
    public long Id { get; set; }

    /// <summary>The number a citizen quotes ("status 1042"): short, digits only, from a sequence.</summary>
    public int ReferenceNumber { get; set; }

    public int CategoryId { get; set; }

    public ServiceCategory? Category { get; set; }

    public Priority Priority { get; set; }

    public IssueStatus Status { get; set; } = IssueStatus.Received;

    public int EscalationLevel { get; set; }

    public required string Description { get; set; }

    public Point? Location { get; set; }

    public string? AddressText { get; set; }

    public int? WardId { get; set; }

    public Ward? Ward { get; set; }

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The conversation that reported it; null for anonymous or staff-entered reports.</summary>
    public Guid? ReporterConversationId { get; set; }

    public required string Channel { get; set; }

    // The reporter's own details, when given (Open311 requests, staff-entered reports). Personal
    // data: never shown to field workers.
    public string? ReporterName { get; set; }

    public string? ReporterPhone { get; set; }

    public string? ReporterEmail { get; set; }

    public string? ReporterAddress { get; set; }

    public string Locale { get; set; } = "en";

    /// <summary>Follow-up answers keyed by attribute code (Open311 <c>attribute[code]</c>).</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    public DateTimeOffset? Deadline { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The person (crew, inspector) the issue is assigned to within its department.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>What was done, told to the citizen when the issue is resolved.</summary>
    public string? ResolutionNote { get; set; }

    /// <summary>Why it was rejected or closed without a fix; shown to the citizen.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Who handles it instead, when closed as not the city's responsibility (e.g. "ENMAX").</summary>
    public string? ReferredTo { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The citizen's answer (1–5) to the one satisfaction question after Closed.</summary>
    public int? Satisfaction { get; set; }

    public DateTimeOffset? SatisfactionAt { get; set; }

    public long? DuplicateOfId { get; set; }

    public int VoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL <c>xmin</c>: concurrent writers on one issue are serialised by it.</summary>
    public uint Version { get; set; }

    public List<IssueEvent> Events { get; set; } = [];

    public List<IssueMedia> Media { get; set; } = [];

    public List<IssueSubscriber> Subscribers { get; set; } = [];
}
