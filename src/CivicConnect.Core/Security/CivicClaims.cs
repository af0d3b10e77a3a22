using System.Security.Claims;

namespace CivicConnect.Core.Security;

/// <summary>
/// Claim names in our tokens. Short JWT names (<c>sub</c>, <c>name</c>, <c>role</c>) are kept as they
/// are (inbound claim mapping is off), so the same names work with a city's OIDC provider.
/// </summary>
public static class CivicClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The code of the department a staff member or field worker belongs to.</summary>
    public const string Department = "department";

    public static string? DepartmentOf(ClaimsPrincipal user) => user.FindFirst(Department)?.Value;

    /// <summary>Who acted, for issue events and version history: the name, else the subject.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirst(Name)?.Value ?? user.FindFirst(Subject)?.Value ?? "unknown";

    public static bool IsSupervisor(ClaimsPrincipal user) => user.IsInRole(CivicRoles.Supervisor);
}
