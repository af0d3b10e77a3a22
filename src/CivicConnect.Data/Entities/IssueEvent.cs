namespace CivicConnect.Data.Entities;

/// <summary>One line of an issue's history; written in the same transaction as the change it records.</summary>
public sealed class IssueEvent
{
    public long Id { get; set; }

    public long IssueId { get; set; }

    /// <summary>One of <see cref="IssueEventKinds"/>: a transition, a comment, an assignment, a survey answer…</summary>
    public string Kind { get; set; } = IssueEventKinds.Transition;

    public required string Actor { get; set; }

    public IssueStatus? FromStatus { get; set; }

    public IssueStatus ToStatus { get; set; }

    public string? Comment { get; set; }

    /// <summary>Public comments are shown to the citizen; internal ones only to staff.</summary>
    public bool IsPublic { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

public static class IssueEventKinds
{
    public const string Transition = "transition";
    public const string Comment = "comment";
    public const string Vote = "vote";
    public const string Satisfaction = "satisfaction";
}
