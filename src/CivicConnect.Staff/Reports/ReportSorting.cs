using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Staff.Reports;

/// <summary>The orders a list can come in; the id breaks ties so paging never repeats or skips a row.</summary>
internal static class ReportSorting
{
    public static readonly string[] Keys = ["created", "updated", "deadline", "priority", "reference", "votes"];

    public static bool IsKnown(string? sort, string? order) =>
        (string.IsNullOrWhiteSpace(sort) || Keys.Contains(sort.Trim().ToLowerInvariant()))
        && (string.IsNullOrWhiteSpace(order) || order.Trim().ToLowerInvariant() is "asc" or "desc");

    /// <summary>The priority column holds names, so it sorts by rank, not alphabetically.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Issue, int>> Rank = i =>
        i.Priority == Priority.Urgent ? 3 : i.Priority == Priority.High ? 2 : i.Priority == Priority.Normal ? 1 : 0;

    /// <summary>Newest first unless told otherwise.</summary>
    public static IOrderedQueryable<Issue> Apply(IQueryable<Issue> issues, string? sort, string? order)
    {
        var ascending = string.Equals(order?.Trim(), "asc", StringComparison.OrdinalIgnoreCase);
        var sorted = (sort?.Trim().ToLowerInvariant(), ascending) switch
        {
            ("updated", false) => issues.OrderByDescending(i => i.UpdatedAt),
            ("updated", true) => issues.OrderBy(i => i.UpdatedAt),
            ("deadline", false) => issues.OrderByDescending(i => i.Deadline),
            ("deadline", true) => issues.OrderBy(i => i.Deadline),
            ("priority", false) => issues.OrderByDescending(Rank),
            ("priority", true) => issues.OrderBy(Rank),
            ("reference", false) => issues.OrderByDescending(i => i.ReferenceNumber),
            ("reference", true) => issues.OrderBy(i => i.ReferenceNumber),
            ("votes", false) => issues.OrderByDescending(i => i.VoteCount),
            ("votes", true) => issues.OrderBy(i => i.VoteCount),
            (_, true) => issues.OrderBy(i => i.CreatedAt),
            _ => issues.OrderByDescending(i => i.CreatedAt),
        };
        return ascending ? sorted.ThenBy(i => i.Id) : sorted.ThenByDescending(i => i.Id);
    }
}
