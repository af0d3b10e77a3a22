using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Workflow.Lifecycle;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// Who is looking at reports, read once from the signed-in person (bearer token or console cookie:
/// the claims are the same). The scoping rules in <see cref="ReportScope"/> work from this alone.
/// </summary>
/// <param name="Triages">Triage staff (<see cref="CivicRoles.Triage"/>): also read reports no department holds yet.</param>
public sealed record ReportViewer(string Name, string? Subject, string? Department, ViewerKind Kind, bool Triages = false)
{
    public static ReportViewer From(ClaimsPrincipal user)
    {
        var kind = user.IsInRole(CivicRoles.Supervisor) ? ViewerKind.Supervisor
            : user.IsInRole(CivicRoles.Staff) || user.IsInRole(CivicRoles.Triage) ? ViewerKind.Staff
            : user.IsInRole(CivicRoles.FieldWorker) ? ViewerKind.FieldWorker
            : ViewerKind.None;
        var department = CivicClaims.DepartmentOf(user);
        return new ReportViewer(
            CivicClaims.ActorOf(user),
            user.FindFirst(CivicClaims.Subject)?.Value,
            string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToUpperInvariant(),
            kind,
            user.IsInRole(CivicRoles.Triage));
    }

    public bool SeesEveryDepartment => Kind == ViewerKind.Supervisor;

    /// <summary>The same person as the workflow's actor, for the triggers they may fire.</summary>
    public IssueActor? Actor => Kind switch
    {
        ViewerKind.Supervisor => new IssueActor(Name, ActorKind.Supervisor, Department),
        ViewerKind.Staff => new IssueActor(Name, ActorKind.Staff, Department),
        ViewerKind.FieldWorker => new IssueActor(Name, ActorKind.FieldWorker, Department),
        _ => null,
    };
}

public enum ViewerKind
{
    None,
    FieldWorker,
    Staff,
    Supervisor,
}
