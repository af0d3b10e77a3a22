using System.Security.Claims;
using System.Text;
using CivicConnect.Core.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivicConnect.Server.Security;

/// <summary>
/// Signs development tokens (<c>civic token --role supervisor</c>) with the configured key. The same
/// key validates them (see <see cref="AuthRegistration"/>); nothing here is used when an OIDC
/// authority is configured.
/// </summary>
public sealed class DevTokenIssuer(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public const string Issuer = "civicconnect-dev";
    public const string Audience = "civicconnect";

    /// <summary>The key every developer machine knows; accepted only in the Development environment.</summary>
    internal const string DevelopmentDefaultKey = "civicconnect-development-only-signing-key-not-secret";

    public string Issue(string subject, IReadOnlyCollection<string> roles, string? department = null, string? name = null, TimeSpan? lifetime = null)
    {
        foreach (var role in roles)
        {
            if (!CivicRoles.All.Contains(role))
            {
                throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", CivicRoles.All)}.", nameof(roles));
            }
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Development tokens are issued only in the Development environment (this is {environment.EnvironmentName}); staff sign in through Auth:Authority here.");
        }

        var key = SigningKey(options.Value, environment.IsDevelopment())
            ?? throw new InvalidOperationException("Set Auth:DevSigningKey (32+ characters) to issue development tokens.");
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(CivicClaims.Subject, subject), new(CivicClaims.Name, name ?? subject) };
        claims.AddRange(roles.Select(role => new Claim(CivicClaims.Role, role)));
        if (!string.IsNullOrWhiteSpace(department))
        {
            claims.Add(new Claim(CivicClaims.Department, department));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.Value.DevTokenLifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The configured key; in Development without one, the public development key.</summary>
    internal static SymmetricSecurityKey? SigningKey(AuthOptions options, bool isDevelopment)
    {
        var secret = options.DevSigningKey ?? (isDevelopment ? DevelopmentDefaultKey : null);
        return secret is null ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
    }
}
