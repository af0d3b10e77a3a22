using CivicConnect.Data.Entities;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// Which reports a person may read — the one place this rule lives (the API, the queue, the desk and
/// the field view all ask here). Supervisors read every department's; staff and field workers their
/// own department's, and reports no department holds yet. Acting on a report is the workflow's
/// rule (<c>IssueTransitions.EnsureMayAct</c>), which agrees with this one.
/// </summary>
public static class ReportScope
{
    public static IQueryable<Issue> Visible(IQueryable<Issue> issues, ReportViewer viewer) => viewer switch
    {
        { Kind: ViewerKind.None } => issues.Where(_ => false),
        { SeesEveryDepartment: true } => issues,
        { Department: null } => issues.Where(i => i.DepartmentId == null),
        { Department: var department } => issues.Where(i => i.DepartmentId == null || i.Department!.Code == department),
    };

    /// <summary>Whether <paramref name="viewer"/> may read a report held by <paramref name="departmentCode"/> (null: no department yet).</summary>
    public static bool MayRead(ReportViewer viewer, string? departmentCode) =>
        viewer.Kind != ViewerKind.None
        && (viewer.SeesEveryDepartment || departmentCode is null || string.Equals(departmentCode, viewer.Department, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws <see cref="ReportForbiddenException"/> unless <paramref name="viewer"/> may read a report held by <paramref name="departmentCode"/>.</summary>
    public static void EnsureMayRead(ReportViewer viewer, int reference, string? departmentCode)
    {
        if (viewer.Kind == ViewerKind.None)
        {
            throw new ReportForbiddenException("Only city staff read reports.");
        }

        if (MayRead(viewer, departmentCode))
        {
            return;
        }

        throw new ReportForbiddenException($"Report #{reference} belongs to the '{departmentCode}' department; only its staff or a supervisor may open it.");
    }

    /// <summary>
    /// A field worker's own work: reports being worked (assigned or in progress) that name them
    /// (their name or sign-in subject) or that their crew — their department — holds with no one named.
    /// </summary>
    public static IQueryable<Issue> AssignedTo(IQueryable<Issue> issues, ReportViewer viewer)
    {
        var name = viewer.Name;
        var subject = viewer.Subject ?? viewer.Name;
        var department = viewer.Department;
        return issues
            .Where(i => i.Status == IssueStatus.Assigned || i.Status == IssueStatus.InProgress)
            .Where(i => i.AssignedTo == name || i.AssignedTo == subject
                || (i.AssignedTo == null && department != null && i.Department!.Code == department));
    }
}
