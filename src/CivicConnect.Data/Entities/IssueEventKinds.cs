namespace CivicConnect.Data.Entities;

/// <summary>
/// What a history line records, as stored in <c>issue_events.kind</c> and shown as <c>kind</c> in the
/// staff history. Stored values never change (analytics and old rows read them).
/// </summary>
public static class IssueEventKinds
{
    /// <summary>A lifecycle transition (from one status to another, or re-entry).</summary>
    public const string Transition = "transition";

    public const string Comment = "comment";

    /// <summary>Another citizen reported the same problem and joined the issue.</summary>
    public const string Vote = "vote";

    public const string Satisfaction = "satisfaction";

    /// <summary>The deadline passed unresolved: escalation level (and priority) raised. Before this kind existed these lines were stored as transitions (actor "escalation").</summary>
    public const string Escalation = "escalation";

    /// <summary>The citizen's report that created the issue.</summary>
    public const string Intake = "intake";

    /// <summary>The routing decision made at intake: department, rule, rules version, SLA.</summary>
    public const string Routing = "routing";

    /// <summary>City staff added a photo (a field worker's photo of the fix).</summary>
    public const string Photo = "photo";

    /// <summary>The reporter's personal data was erased (contact, their words' phone numbers and links, their photos); the report's public facts stay.</summary>
    public const string Erasure = "erasure";
}
