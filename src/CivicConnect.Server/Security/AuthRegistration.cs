using CivicConnect.Core.Hosting;
using CivicConnect.Core.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CivicConnect.Server.Security;

internal static class AuthRegistration
{
    /// <summary>
    /// JWT bearer for the staff and supervisor APIs: the city's OIDC provider when
    /// <c>Auth:Authority</c> is set, else development tokens signed with <c>Auth:DevSigningKey</c>.
    /// </summary>
    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuthOptions>(AuthOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<DevTokenIssuer>();
        // No default scheme: Direct Line carries its own bearer secrets and tokens, which this
        // handler must not try (and log failing) to validate. The staff policies name the scheme.
        // The console's cookie (ConsoleAuthRegistration) is the only default: it reads nothing but its own cookie.
        builder.Services.AddAuthentication(options => options.DefaultAuthenticateScheme = ConsoleAuthRegistration.CookieScheme).AddJwtBearer();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CivicPolicies.Staff, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.All))
            .AddPolicy(CivicPolicies.Office, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Staff, CivicRoles.Supervisor))
            .AddPolicy(CivicPolicies.Supervisor, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Supervisor))
            .AddPolicy(CivicPolicies.HandOffs, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Agent, CivicRoles.Staff, CivicRoles.Supervisor));
        return builder;
    }

    public static WebApplication UseStaffAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Configures the default bearer scheme from <see cref="AuthOptions"/> and the injected clock.</summary>
    private sealed class ConfigureJwtBearer(IOptions<AuthOptions> auth, IHostEnvironment environment, TimeProvider clock)
        : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }

            var settings = auth.Value;
            options.MapInboundClaims = false;
            options.TimeProvider = clock;
            options.TokenValidationParameters.NameClaimType = CivicClaims.Name;
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;

            // Expiry is checked against the injected clock, so tests that move time see tokens expire.
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var skew = parameters.ClockSkew;
                return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && expires.Value >= now - skew;
            };

            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                options.Authority = settings.Authority;
                options.Audience = settings.Audience;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                return;
            }

            options.TokenValidationParameters.ValidIssuer = DevTokenIssuer.Issuer;
            options.TokenValidationParameters.ValidAudience = DevTokenIssuer.Audience;

            // Only reached in Development (elsewhere the validator demands an authority); a random key
            // keeps the staff APIs closed should that ever change.
            options.TokenValidationParameters.IssuerSigningKey = DevTokenIssuer.SigningKey(settings, environment.IsDevelopment())
                ?? new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }

        public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
    }
}
