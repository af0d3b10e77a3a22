using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Server.Security;

/// <summary>
/// Who signs staff tokens. Outside Development <see cref="Authority"/> and <see cref="Audience"/> are
/// required and point at the city's OIDC provider (no development key is accepted there); on a
/// laptop and in tests <c>civic token</c> signs tokens with <see cref="DevSigningKey"/> (a public
/// default is used when none is set). Checked on start by <see cref="AuthOptionsValidator"/>.
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

    /// <summary>Fetch the provider's discovery document and keys only over https (default true; false only for a local stand-in).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim carrying roles in the provider's tokens (Keycloak and Entra differ).</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
