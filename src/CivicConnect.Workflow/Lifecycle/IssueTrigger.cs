namespace CivicConnect.Workflow.Lifecycle;

/// <summary>What can happen to an issue. Fired only through <see cref="IssueTransitions.FireAsync"/>, always with <see cref="TransitionData"/>.</summary>
public enum IssueTrigger
{
    Triage,
    Assign,
    Start,
    Resolve,
    Close,
    MarkDuplicate,
    Reject,
    CloseNotFixed,
    Reopen,
}
