using System.Security.Claims;
using CivicConnect.Core.Security;

namespace CivicConnect.Workflow.Lifecycle;

/// <summary>Who fires a transition: a city worker (from the bearer token), a citizen (from the conversation), or the system (jobs).</summary>
public sealed record IssueActor(string Name, ActorKind Kind, string? Department = null)
{
    public static IssueActor System(string job) => new(job, ActorKind.System);

    public static IssueActor Citizen(string channel) => new($"citizen via {channel}", ActorKind.Citizen);

    public static IssueActor From(ClaimsPrincipal user)
    {
        var kind = user.IsInRole(CivicRoles.Supervisor) ? ActorKind.Supervisor
            : user.IsInRole(CivicRoles.Staff) ? ActorKind.Staff
            : user.IsInRole(CivicRoles.FieldWorker) ? ActorKind.FieldWorker
            : throw new TransitionForbiddenException("Only city staff can change an issue.");
        return new IssueActor(CivicClaims.ActorOf(user), kind, CivicClaims.DepartmentOf(user));
    }

    public bool IsCityWorker => Kind is ActorKind.Staff or ActorKind.Supervisor or ActorKind.FieldWorker;
}

public enum ActorKind
{
    Staff,
    Supervisor,
    FieldWorker,
    Citizen,
    System,
}
