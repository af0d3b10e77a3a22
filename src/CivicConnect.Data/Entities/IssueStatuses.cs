namespace CivicConnect.Data.Entities;

/// <summary>
/// Sets of <see cref="IssueStatus"/> that mean the same thing everywhere; defined once, here. Arrays,
/// because EF Core and Npgsql send them as one array parameter (<c>status = ANY(@p)</c>); never modify them.
/// </summary>
public static class IssueStatuses
{
    /// <summary>
    /// Resolved or otherwise finished: no deadline to escalate, no longer a duplicate candidate, "closed"
    /// in Open311. A citizen's "NOT FIXED" or staff may still reopen some of these: reopening is a transition.
    /// </summary>
    public static readonly IssueStatus[] Finished =
        [IssueStatus.Resolved, IssueStatus.Closed, IssueStatus.Duplicate, IssueStatus.Rejected, IssueStatus.ClosedNotFixed];

    /// <summary>
    /// Finished as far as the citizen's own "status" list goes: <see cref="Finished"/> except Resolved. A
    /// resolved report still waits for the citizen (the notification asks them to reply NOT FIXED if it
    /// isn't), so it stays in their list until it is closed.
    /// </summary>
    public static readonly IssueStatus[] FinishedForCitizen = [.. Finished.Where(s => s != IssueStatus.Resolved)];

    /// <summary><see cref="Finished"/> as stored in the <c>status</c> column (its enum names), for SQL parameters.</summary>
    public static readonly string[] FinishedNames = [.. Finished.Select(s => s.ToString())];

    /// <summary>
    /// "Not finished" as a literal SQL condition on <c>status</c> (of <paramref name="alias"/> when given): the
    /// partial index of open reports (<c>ix_issues_open_by_position</c>) is defined with it, and PostgreSQL uses a
    /// partial index only for a query that repeats its condition with constants, not with a parameter.
    /// </summary>
    public static string OpenCondition(string? alias) =>
        $"{(alias is null ? string.Empty : alias + ".")}status NOT IN ({string.Join(", ", FinishedNames.Select(n => $"'{n}'"))})";

    public static bool IsFinished(this IssueStatus status) => Finished.Contains(status);
}
