using System.Security.Claims;
using System.Text.Json;
using CivicConnect.Core.Security;

namespace CivicConnect.Server.Security;

/// <summary>
/// Turns a provider's claims into ours (<c>role</c>, <c>department</c>, <c>name</c>, <c>sub</c>).
/// Providers put roles in different places: a plain claim (<c>roles</c>), or a path into a JSON
/// claim (Keycloak's <c>realm_access.roles</c>, Entra's <c>roles</c> array). Unknown roles are dropped.
/// </summary>
public static class ProviderClaims
{
    public static ClaimsIdentity ToCivicIdentity(IEnumerable<Claim> provider, ConsoleSignInOptions options, string authenticationType)
    {
        var claims = provider.ToList();
        var identity = new ClaimsIdentity(authenticationType, CivicClaims.Name, CivicClaims.Role);
        var subject = claims.FirstOrDefault(c => c.Type == CivicClaims.Subject)?.Value;
        if (subject is not null)
        {
            identity.AddClaim(new Claim(CivicClaims.Subject, subject));
        }

        var name = Values(claims, options.NameClaim).FirstOrDefault() ?? claims.FirstOrDefault(c => c.Type == "preferred_username")?.Value ?? subject;
        if (name is not null)
        {
            identity.AddClaim(new Claim(CivicClaims.Name, name));
        }

        foreach (var role in Values(claims, options.RolesClaim).Where(CivicRoles.All.Contains).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(CivicClaims.Role, role));
        }

        if (Values(claims, options.DepartmentClaim).FirstOrDefault() is { Length: > 0 } department)
        {
            identity.AddClaim(new Claim(CivicClaims.Department, department));
        }

        return identity;
    }

    /// <summary>The values at <paramref name="path"/>: claims of that name, or strings found by walking a JSON claim.</summary>
    public static IEnumerable<string> Values(IReadOnlyList<Claim> claims, string path)
    {
        var direct = claims.Where(c => c.Type == path).ToList();
        if (direct.Count > 0)
        {
            return direct.SelectMany(c => Flatten(c.Value));
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return [];
        }

        var head = path[..dot];
        var rest = path[(dot + 1)..].Split('.');
        return claims.Where(c => c.Type == head).SelectMany(c => Walk(c.Value, rest));
    }

    /// <summary>A claim value that is a JSON array gives its strings; anything else is one value.</summary>
    private static List<string> Flatten(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return Strings(document.RootElement).ToList();
        }
        catch (JsonException)
        {
            return [value];
        }
    }

    private static List<string> Walk(string json, string[] path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            foreach (var step in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
                {
                    return [];
                }
            }

            return Strings(element).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        _ => [],
    };
}
