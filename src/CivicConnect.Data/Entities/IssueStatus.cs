namespace CivicConnect.Data.Entities;

public enum IssueStatus
{
    Received,
    Triaged,
    Assigned,
    InProgress,
    Resolved,
    Closed,
    Duplicate,
    Rejected,
    ClosedNotFixed,
    Reopened,
}
