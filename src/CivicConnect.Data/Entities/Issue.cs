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

    /// <summary>
    /// Written only by the lifecycle (Workflow's <c>IssueLifecycle</c>, the Stateless machine whose external
    /// state this is): internal, and Data's internals are visible to Workflow and the tests only.
    /// </summary>
    public IssueStatus Status { get; internal set; } = IssueStatus.Received;

    /// <summary>How often its deadline passed unresolved; raised by <see cref="Escalate"/> only.</summary>
    public int EscalationLevel { get; private set; }

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

    // What a transition records (resolution, closing, referral, original, assignee): written by the
    // lifecycle's entry actions only, like Status.
    public DateTimeOffset? ResolvedAt { get; internal set; }

    /// <summary>The person (crew, inspector) the issue is assigned to within its department.</summary>
    public string? AssignedTo { get; internal set; }

    /// <summary>What was done, told to the citizen when the issue is resolved.</summary>
    public string? ResolutionNote { get; internal set; }

    /// <summary>Why it was rejected or closed without a fix; shown to the citizen.</summary>
    public string? StatusReason { get; internal set; }

    /// <summary>Who handles it instead, when closed as not the city's responsibility (e.g. "ENMAX").</summary>
    public string? ReferredTo { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>The citizen's answer (1–5) to the one satisfaction question after Closed; see <see cref="RecordSatisfaction"/>.</summary>
    public int? Satisfaction { get; private set; }

    public DateTimeOffset? SatisfactionAt { get; private set; }

    public long? DuplicateOfId { get; internal set; }

    /// <summary>
    /// The unguessable part of the public status link (<c>/r/{reference}?k={key}</c>) sent to the
    /// citizen: reference numbers are sequential, so the number alone must not open the page.
    /// </summary>
    public string PublicKey { get; set; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public int VoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL <c>xmin</c>: concurrent writers on one issue are serialised by it.</summary>
    public uint Version { get; set; }

    public List<IssueEvent> Events { get; set; } = [];

    public List<IssueMedia> Media { get; set; } = [];

    public List<IssueSubscriber> Subscribers { get; set; } = [];

    /// <summary>Adds a line about the issue as it stands (from and to are the current status); saved with the issue.</summary>
    /// <param name="kind">One of <see cref="IssueEventKinds"/>.</param>
    public IssueEvent AddHistory(string kind, string actor, string? comment, bool isPublic, DateTimeOffset at) =>
        AddHistory(kind, actor, Status, comment, isPublic, at);

    /// <summary>Adds a line about a change that ended in the current status; saved with the issue.</summary>
    /// <param name="kind">One of <see cref="IssueEventKinds"/>.</param>
    /// <param name="from">The status before the change; null on a citizen's report (the lines written when the issue is reported, and a vote).</param>
    public IssueEvent AddHistory(string kind, string actor, IssueStatus? from, string? comment, bool isPublic, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var line = new IssueEvent
        {
            IssueId = Id,
            Kind = kind,
            Actor = actor,
            FromStatus = from,
            ToStatus = Status,
            Comment = comment,
            IsPublic = isPublic,
            OccurredAt = at,
        };
        Events.Add(line);
        return line;
    }

    /// <summary>
    /// The deadline passed and the issue is not finished: one level up, one priority step up (when
    /// <paramref name="raisePriority"/>, up to Urgent), and the internal history line that says so.
    /// The caller decides whether it may escalate at all (finished, or already at the last level).
    /// </summary>
    public IssueEvent Escalate(bool raisePriority, DateTimeOffset at)
    {
        EscalationLevel++;
        if (raisePriority && Priority < Priority.Urgent)
        {
            Priority++;
        }

        UpdatedAt = at;
        return AddHistory(
            IssueEventKinds.Escalation,
            "escalation",
            FormattableString.Invariant($"Deadline passed in {Status}: escalated to level {EscalationLevel}, priority {Priority}"),
            isPublic: false,
            at);
    }

    /// <summary>The citizen's one answer (1–5) to the satisfaction question, with its history line.</summary>
    public IssueEvent RecordSatisfaction(int score, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        Satisfaction = score;
        SatisfactionAt = at;
        return AddHistory(IssueEventKinds.Satisfaction, "citizen", FormattableString.Invariant($"Satisfaction {score}/5"), isPublic: false, at);
    }
}
