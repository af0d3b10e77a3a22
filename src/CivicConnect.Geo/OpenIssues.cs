using CivicConnect.Data.Entities;

namespace CivicConnect.Geo;

/// <summary>What "open" means for the spatial queries over issues: not in any finished status.</summary>
internal static class OpenIssues
{
    public static readonly string[] ClosedStatuses =
        [nameof(IssueStatus.Resolved), nameof(IssueStatus.Closed), nameof(IssueStatus.Duplicate), nameof(IssueStatus.Rejected), nameof(IssueStatus.ClosedNotFixed)];
}
