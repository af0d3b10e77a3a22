using CivicConnect.Core.Hosting;
using CivicConnect.Core.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CivicConnect.Server.Security;

/// <summary>
/// The console's sign-in: a cookie session, started by the city's OpenID Connect provider
/// (authorization code with PKCE) or, in Development without a provider, by the development
/// sign-in page. The staff API keeps bearer tokens; console policies accept only the cookie.
/// </summary>
internal static class ConsoleAuthRegistration
{
    public const string CookieScheme = "civic-console";
    public const string OidcScheme = "civic-oidc";
    public const string SignInPath = "/console/signin";

    public static WebApplicationBuilder AddConsoleAuth(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ConsoleSignInOptions>(ConsoleSignInOptions.SectionName);
        var settings = builder.Configuration.GetSection(ConsoleSignInOptions.SectionName).Get<ConsoleSignInOptions>() ?? new();
        var authentication = builder.Services.AddAuthentication();
        authentication.AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "civic.console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = settings.SessionLifetime;
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/console/forbidden";
            options.ReturnUrlParameter = "returnUrl";
            if (settings.UsesOidc)
            {
                options.ForwardChallenge = OidcScheme;
            }
        });

        if (settings.UsesOidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, _ => { });
            builder.Services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ConfigureConsoleOidc>();
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CivicPolicies.ConsoleStaff, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.All))
            .AddPolicy(CivicPolicies.ConsoleOffice, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Staff, CivicRoles.Supervisor))
            .AddPolicy(CivicPolicies.ConsoleSupervisor, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Supervisor))
            .AddPolicy(CivicPolicies.ConsoleHandOffs, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireRole(CivicRoles.Agent, CivicRoles.Staff, CivicRoles.Supervisor));
        return builder;
    }

    /// <summary>Code flow with PKCE; the provider's claims become ours once, when the session starts.</summary>
    private sealed class ConfigureConsoleOidc(IOptions<ConsoleSignInOptions> signIn) : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        public void Configure(string? name, OpenIdConnectOptions options)
        {
            if (name != OidcScheme)
            {
                return;
            }

            var settings = signIn.Value;
            options.SignInScheme = CookieScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapAll();
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.CallbackPath = "/console/signin-oidc";
            options.SignedOutCallbackPath = "/console/signout-oidc";
            options.Events.OnTicketReceived = context =>
            {
                if (context.Principal is { } principal)
                {
                    context.Principal = new(ProviderClaims.ToCivicIdentity(principal.Claims, settings, CookieScheme));
                }

                return Task.CompletedTask;
            };
        }

        public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
    }
}
