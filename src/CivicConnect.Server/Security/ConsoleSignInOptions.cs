using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Server.Security;

/// <summary>
/// How people sign in to the console (<c>Console:SignIn</c>). With <see cref="Authority"/> set,
/// the city's OpenID Connect provider (authorization code + PKCE, then a cookie session); without
/// it, only in Development, a page where a developer picks a role and a department.
/// </summary>
public sealed class ConsoleSignInOptions
{
    public const string SectionName = "Console:SignIn";

    /// <summary>The provider's issuer, e.g. https://login.example.org/realms/city.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From a secret store, never appsettings.json. Optional: PKCE alone serves a public client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where roles are in the ID token or user info: a claim name or a dotted path into a JSON claim (<c>realm_access.roles</c>).</summary>
    [Required]
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Where the department code is (a claim name or dotted path).</summary>
    [Required]
    public string DepartmentClaim { get; set; } = "department";

    /// <summary>The display name claim.</summary>
    [Required]
    public string NameClaim { get; set; } = "name";

    /// <summary>Only for a local provider in development; production requires HTTPS metadata.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    public bool UsesOidc => !string.IsNullOrWhiteSpace(Authority);
}
