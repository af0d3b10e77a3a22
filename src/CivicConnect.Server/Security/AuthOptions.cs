using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Server.Security;

/// <summary>
/// Who signs staff tokens. In production <see cref="Authority"/> and <see cref="Audience"/> point at
/// the city's OIDC provider; on a laptop and in tests <c>civic token</c> signs tokens with
/// <see cref="DevSigningKey"/> (a public default is used only in Development).
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Key for locally issued development tokens; at least 32 characters (HMAC-SHA256).</summary>
    [MinLength(32)]
    public string? DevSigningKey { get; set; }

    /// <summary>The city's OIDC issuer, e.g. https://login.example.org/realms/city.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>The claim carrying roles in the provider's tokens (Keycloak and Entra differ).</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
