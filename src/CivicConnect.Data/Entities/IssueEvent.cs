namespace CivicConnect.Data.Entities;

/// <summary>One line of an issue's history; written in the same transaction as the change it records.</summary>
public sealed class IssueEvent
{
    public long Id { get; set; }

    public long IssueId { get; set; }

    public required string Actor { get; set; }

    public IssueStatus? FromStatus { get; set; }

    public IssueStatus ToStatus { get; set; }

    public string? Comment { get; set; }

    /// <summary>Public comments are shown to the citizen; internal ones only to staff.</summary>
    public bool IsPublic { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
