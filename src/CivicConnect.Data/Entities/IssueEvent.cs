namespace CivicConnect.Data.Entities;

/// <summary>
/// One line of an issue's history; written in the same transaction as the change it records. Lines are
/// made by <see cref="Issue.AddHistory"/> only (hence the internal constructor, which EF Core also uses).
/// </summary>
public sealed class IssueEvent
{
    internal IssueEvent()
    {
    }

    public long Id { get; set; }

    public long IssueId { get; set; }

    /// <summary>One of <see cref="IssueEventKinds"/>: a transition, a comment, an escalation, a survey answer…</summary>
    public required string Kind { get; set; }

    public required string Actor { get; set; }

    /// <summary>The status before the change; null on a citizen's report (intake, routing and vote lines).</summary>
    public IssueStatus? FromStatus { get; set; }

    public IssueStatus ToStatus { get; set; }

    public string? Comment { get; set; }

    /// <summary>Public comments are shown to the citizen; internal ones only to staff.</summary>
    public bool IsPublic { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
