namespace CivicConnect.Workflow.Lifecycle;

/// <summary>The one parameter every trigger carries into the machine: the data, who acts, when, and what the data's codes resolved to.</summary>
public sealed record TransitionRequest(TransitionData Data, IssueActor Actor, DateTimeOffset At)
{
    /// <summary><see cref="TransitionData.DuplicateOfReference"/> looked up to the issue's id.</summary>
    public long? DuplicateOfId { get; init; }

    /// <summary><see cref="TransitionData.Department"/> looked up to the department's id.</summary>
    public int? DepartmentId { get; init; }
}
