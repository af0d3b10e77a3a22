namespace CivicConnect.Staff.Reports;

/// <summary>The read rule for one reader, as data (<see cref="ReportScope.RuleFor"/>): each part adds reports to what they may read.</summary>
/// <param name="Everything">Supervisors.</param>
/// <param name="Department">Reports this department holds (staff).</param>
/// <param name="Unassigned">Reports no department holds yet (triage staff).</param>
/// <param name="Assignees">Reports assigned to one of these names (a field worker's name and sign-in subject).</param>
/// <param name="Crew">Reports this department is working (assigned or in progress) with no one named (a field worker's crew).</param>
public sealed record ReportReadRule(bool Everything, string? Department, bool Unassigned, IReadOnlyList<string> Assignees, string? Crew)
{
    public bool Nothing => !Everything && Department is null && !Unassigned && Assignees.Count == 0 && Crew is null;
}
