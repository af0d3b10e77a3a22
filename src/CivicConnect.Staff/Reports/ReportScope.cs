using System.Linq.Expressions;
using CivicConnect.Data.Entities;
using CivicConnect.Geo.Hotspots;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// Which reports a person may read — the one place this rule lives (issue #16, point 5). The API, the
/// queue, the desk and the field view read through <see cref="Visible"/> (LINQ); the map, the ward layer
/// and the hotspots, which query with SQL, through <see cref="Sql"/>; single reports through
/// <see cref="MayRead"/>. All three render the same <see cref="ReportReadRule"/>, decided once in
/// <see cref="RuleFor"/>, and a test checks the queue and the map agree for every role:
/// <list type="bullet">
/// <item>supervisors read every report;</item>
/// <item>staff read their department's reports; reports no department holds yet only triage staff (and supervisors);</item>
/// <item>field workers read only reports assigned to them, or being worked by their crew (their department) with no one named.</item>
/// </list>
/// Acting on a report is the workflow's rule (<c>IssueTransitions.EnsureMayAct</c>).
/// </summary>
public static class ReportScope
{
    private static readonly IssueStatus[] CrewStatuses = [IssueStatus.Assigned, IssueStatus.InProgress];

    public static ReportReadRule RuleFor(ReportViewer viewer) => viewer.Kind switch
    {
        ViewerKind.Supervisor => new ReportReadRule(true, null, false, [], null),
        ViewerKind.Staff => new ReportReadRule(false, viewer.Department, viewer.Triages, [], null),
        ViewerKind.FieldWorker => new ReportReadRule(false, null, false, [.. new[] { viewer.Name, viewer.Subject }.OfType<string>().Distinct(StringComparer.Ordinal)], viewer.Department),
        _ => new ReportReadRule(false, null, false, [], null),
    };

    /// <summary>The rule in LINQ: only the parts the reader has go into the query.</summary>
    public static IQueryable<Issue> Visible(IQueryable<Issue> issues, ReportViewer viewer)
    {
        var rule = RuleFor(viewer);
        if (rule.Everything)
        {
            return issues;
        }

        var parts = new List<Expression<Func<Issue, bool>>>();
        if (rule.Department is { } department)
        {
            parts.Add(i => i.Department!.Code == department);
        }

        if (rule.Unassigned)
        {
            parts.Add(i => i.DepartmentId == null);
        }

        if (rule.Assignees.Count > 0)
        {
            var names = rule.Assignees.ToArray();
            parts.Add(i => i.AssignedTo != null && names.Contains(i.AssignedTo));
        }

        if (rule.Crew is { } crew)
        {
            var statuses = CrewStatuses;
            parts.Add(i => i.AssignedTo == null && statuses.Contains(i.Status) && i.Department!.Code == crew);
        }

        return parts.Count == 0 ? issues.Where(_ => false) : issues.Where(AnyOf(parts));
    }

    /// <summary>
    /// The rule as an SQL condition on <c>issues <paramref name="alias"/></c>, with its parameters from
    /// <see cref="Parameters"/> (named <c>@scope_…</c>). Department conditions compare
    /// <c>department_id</c> so that the map's covering index answers them.
    /// </summary>
    public static string Sql(ReportViewer viewer, string alias)
    {
        var rule = RuleFor(viewer);
        if (rule.Everything)
        {
            return "TRUE";
        }

        var parts = new List<string>();
        if (rule.Department is not null)
        {
            parts.Add($"{alias}.department_id IN (SELECT d.id FROM departments d WHERE d.code = @scope_department)");
        }

        if (rule.Unassigned)
        {
            parts.Add($"{alias}.department_id IS NULL");
        }

        if (rule.Assignees.Count > 0)
        {
            parts.Add($"{alias}.assigned_to = ANY(@scope_assignees)");
        }

        if (rule.Crew is not null)
        {
            var statuses = string.Join(", ", CrewStatuses.Select(s => $"'{s}'"));
            parts.Add($"({alias}.assigned_to IS NULL AND {alias}.status IN ({statuses}) AND {alias}.department_id IN (SELECT d.id FROM departments d WHERE d.code = @scope_crew))");
        }

        return parts.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>Fresh parameters for one command (Npgsql parameters cannot be shared between commands).</summary>
    public static NpgsqlParameter[] Parameters(ReportViewer viewer)
    {
        var rule = RuleFor(viewer);
        if (rule.Everything)
        {
            return [];
        }

        var parameters = new List<NpgsqlParameter>();
        if (rule.Department is { } department)
        {
            parameters.Add(new NpgsqlParameter("scope_department", department));
        }

        if (rule.Assignees.Count > 0)
        {
            parameters.Add(new NpgsqlParameter("scope_assignees", rule.Assignees.ToArray()));
        }

        if (rule.Crew is { } crew)
        {
            parameters.Add(new NpgsqlParameter("scope_crew", crew));
        }

        return [.. parameters];
    }

    /// <summary>The rule for the hotspot layer (Geo's query takes an SQL condition on <c>issues i</c>).</summary>
    public static HotspotScope Hotspots(ReportViewer viewer) => new(Sql(viewer, "i"), Parameters(viewer));

    /// <summary>Whether <paramref name="viewer"/> may read one report, from its department (null: none yet), assignee and status.</summary>
    public static bool MayRead(ReportViewer viewer, string? departmentCode, string? assignedTo, IssueStatus status)
    {
        var rule = RuleFor(viewer);
        return rule.Everything
            || (rule.Department is not null && string.Equals(departmentCode, rule.Department, StringComparison.OrdinalIgnoreCase))
            || (rule.Unassigned && departmentCode is null)
            || (assignedTo is not null && rule.Assignees.Contains(assignedTo, StringComparer.Ordinal))
            || (rule.Crew is not null && assignedTo is null && CrewStatuses.Contains(status) && string.Equals(departmentCode, rule.Crew, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a new or changed report of <paramref name="departmentCode"/> can concern the office queue of
    /// <paramref name="viewer"/> (the live feed says only the department); the reload itself goes through <see cref="Visible"/>.
    /// </summary>
    public static bool MayConcern(ReportViewer viewer, string? departmentCode)
    {
        var rule = RuleFor(viewer);
        return rule.Everything
            || (rule.Department is not null && string.Equals(departmentCode, rule.Department, StringComparison.OrdinalIgnoreCase))
            || (rule.Unassigned && departmentCode is null)
            || (rule.Crew is not null && string.Equals(departmentCode, rule.Crew, StringComparison.OrdinalIgnoreCase))
            || rule.Assignees.Count > 0;
    }

    /// <summary>Throws <see cref="ReportForbiddenException"/> unless <paramref name="viewer"/> may read the report.</summary>
    public static void EnsureMayRead(ReportViewer viewer, int reference, string? departmentCode, string? assignedTo, IssueStatus status)
    {
        if (viewer.Kind == ViewerKind.None)
        {
            throw new ReportForbiddenException("Only city staff read reports.");
        }

        if (MayRead(viewer, departmentCode, assignedTo, status))
        {
            return;
        }

        throw new ReportForbiddenException(departmentCode is null
            ? $"Report #{reference} is not routed to a department yet; only triage staff or a supervisor may open it."
            : $"Report #{reference} belongs to the '{departmentCode}' department; only its staff or a supervisor may open it.");
    }

    /// <summary>The reporter's contact: supervisors for every report, staff for their own department's only, field workers never.</summary>
    public static bool SeesReporterOf(ReportViewer viewer, string? departmentCode) => viewer.Kind switch
    {
        ViewerKind.Supervisor => true,
        ViewerKind.Staff => departmentCode is not null && string.Equals(departmentCode, viewer.Department, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// A field worker's own work: of the reports they may read, those being worked (assigned or in progress).
    /// </summary>
    public static IQueryable<Issue> AssignedTo(IQueryable<Issue> issues, ReportViewer viewer)
    {
        var statuses = CrewStatuses;
        return Visible(issues, viewer).Where(i => statuses.Contains(i.Status));
    }

    private static Expression<Func<Issue, bool>> AnyOf(List<Expression<Func<Issue, bool>>> parts)
    {
        var issue = parts[0].Parameters[0];
        var body = parts[0].Body;
        foreach (var part in parts.Skip(1))
        {
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(part.Parameters[0], issue, part.Body));
        }

        return Expression.Lambda<Func<Issue, bool>>(body, issue);
    }
}
