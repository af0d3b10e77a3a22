namespace CivicConnect.Data.Entities;

/// <summary>
/// A report routed to a department that hears about new reports: written in the routing
/// transaction, one per department and issue (a unique key), so a report is never announced twice
/// to the same department. <see cref="NotifiedAt"/> is set in the transaction that writes the
/// alert's outbox rows — at once for an immediate department, by the hourly digest otherwise — so
/// the digest takes exactly the rows still unannounced, whichever node runs it and however often.
/// </summary>
public sealed class DepartmentReportNotice
{
    public long Id { get; set; }

    public int DepartmentId { get; set; }

    public long IssueId { get; set; }

    /// <summary>Set instead of <see cref="IssueId"/> for an issue added in the same unit of work (its id is not known yet).</summary>
    public Issue? Issue { get; set; }

    public DateTimeOffset RoutedAt { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }
}
