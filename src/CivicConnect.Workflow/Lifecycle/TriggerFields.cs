namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// What each trigger needs from the person firing it — the same fields the machine's guards check
/// (<see cref="IssueLifecycle"/>), so a form can ask for them before the guard refuses.
/// </summary>
public static class TriggerFields
{
    public const string ResolutionNote = "resolutionNote";
    public const string Reason = "reason";
    public const string ReferredTo = "referredTo";
    public const string DuplicateOfReference = "duplicateOfReference";
    public const string Department = "department";
    public const string Assignee = "assignee";

    /// <summary>The fields of <paramref name="trigger"/>, each marked required or optional.</summary>
    public static IReadOnlyList<TriggerField> For(IssueTrigger trigger) => trigger switch
    {
        IssueTrigger.Resolve => [new(ResolutionNote, Required: true)],
        IssueTrigger.Reject => [new(Reason, Required: true)],
        IssueTrigger.CloseNotFixed => [new(Reason, Required: true), new(ReferredTo, Required: false)],
        IssueTrigger.MarkDuplicate => [new(DuplicateOfReference, Required: true)],

        // One of the two is needed; the guard says so when both are empty.
        IssueTrigger.Assign => [new(Department, Required: false), new(Assignee, Required: false)],
        _ => [],
    };
}

public sealed record TriggerField(string Name, bool Required);
