using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Security;

/// <summary>
/// Outside Development staff tokens come only from the city's OIDC provider: a development signing
/// key (the public default or any other) would let whoever knows it mint a supervisor's token, so
/// the node refuses to start with one, and refuses to start without <c>Auth:Authority</c>.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (hasAuthority && (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{AuthOptions.SectionName}:Authority must be the absolute address of the OIDC issuer, e.g. https://login.example.org/realms/city.");
        }

        if (!environment.IsDevelopment())
        {
            if (!hasAuthority)
            {
                failures.Add($"{AuthOptions.SectionName}:Authority is required outside Development (environment variable Auth__Authority): staff sign in through the city's OpenID Connect provider.");
            }

            if (string.IsNullOrWhiteSpace(options.Audience))
            {
                failures.Add($"{AuthOptions.SectionName}:Audience is required outside Development (environment variable Auth__Audience): the audience the provider puts in staff tokens.");
            }

            if (!string.IsNullOrEmpty(options.DevSigningKey))
            {
                failures.Add($"{AuthOptions.SectionName}:DevSigningKey must not be set outside Development: development tokens are refused there; remove the setting.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
