namespace CivicConnect.Workflow.Events;

/// <summary>
/// The CloudEvents <c>type</c> of each report event. Versioned: a change to the shape of
/// <see cref="ReportEventData"/> that a receiver could trip over gets a new type (….v2) rather than
/// changing this one under them.
/// </summary>
public static class ReportEventTypes
{
    public const string Created = "ca.civicconnect.report.created.v1";

    /// <summary>A lifecycle transition (triaged, assigned, resolved, reopened …): <see cref="ReportEventData.Transition"/> says which.</summary>
    public const string Transitioned = "ca.civicconnect.report.transitioned.v1";

    /// <summary>Its deadline passed unresolved: <see cref="ReportEventData.EscalationLevel"/> went up (and maybe the priority).</summary>
    public const string Escalated = "ca.civicconnect.report.escalated.v1";

    /// <summary>Staff commented: <see cref="ReportEventData.Comment"/> (the text only for a public comment).</summary>
    public const string Commented = "ca.civicconnect.report.commented.v1";

    public static readonly IReadOnlyList<string> All = [Created, Transitioned, Escalated, Commented];
}
