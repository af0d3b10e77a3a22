using System.Security.Claims;
using CivicConnect.Core.Security;

namespace CivicConnect.Staff.HandOffs;

/// <summary>
/// Who is answering: 311 agents and supervisors see every hand-off; staff see their department's
/// (those whose draft's category belongs to it).
/// </summary>
public sealed record HandOffAgent(string Name, bool SeesAll, string? Department)
{
    public static HandOffAgent From(ClaimsPrincipal user) =>
        new(
            CivicClaims.ActorOf(user),
            user.IsInRole(CivicRoles.Agent) || user.IsInRole(CivicRoles.Supervisor),
            CivicClaims.DepartmentOf(user));

    /// <summary>True when this person may see and act on a hand-off for <paramref name="departmentCode"/>.</summary>
    public bool Covers(string? departmentCode) =>
        SeesAll || (Department is { Length: > 0 } mine && string.Equals(mine, departmentCode, StringComparison.OrdinalIgnoreCase));
}
