namespace CivicConnect.Workflow.Lifecycle;

/// <summary>
/// What a transition carries. Each trigger reads the fields it needs: Resolve the
/// <see cref="ResolutionNote"/>, Reject and CloseNotFixed the <see cref="Reason"/> (and
/// <see cref="ReferredTo"/>), MarkDuplicate <see cref="DuplicateOfReference"/>, Assign
/// <see cref="Department"/> and/or <see cref="Assignee"/>.
/// </summary>
public sealed record TransitionData
{
    public static readonly TransitionData None = new();

    /// <summary>A note for the history; with <see cref="Public"/> it is also sent to the citizen.</summary>
    public string? Comment { get; init; }

    public bool Public { get; init; }

    public string? ResolutionNote { get; init; }

    public string? Reason { get; init; }

    public string? ReferredTo { get; init; }

    /// <summary>The reference number of the issue this one duplicates.</summary>
    public int? DuplicateOfReference { get; init; }

    /// <summary>Department code to hand the issue to (assignment).</summary>
    public string? Department { get; init; }

    public string? Assignee { get; init; }
}
