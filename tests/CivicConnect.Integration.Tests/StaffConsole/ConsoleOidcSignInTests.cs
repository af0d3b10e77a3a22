using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Web;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>
/// Production sign-in: the city's OpenID Connect provider, stood in for by WireMock speaking the
/// real protocol (discovery, JWKS, token and user-info endpoints; an RS256-signed ID token). The
/// console asks for an authorization code with PKCE, and reads roles from a nested claim
/// (Keycloak's <c>realm_access.roles</c>) and the department from a configured claim.
/// </summary>
public sealed class ConsoleOidcSignInTests(ConsoleOidcSignInTests.App app) : IClassFixture<ConsoleOidcSignInTests.App>
{
    private const string ClientId = "civic-console";

    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Provider = WireMockServer.Start();
            Settings["DirectLine:Secret"] = "a-production-direct-line-secret-for-this-test-0123456789";
            Settings["Console:SignIn:Authority"] = Provider.Url + "/realms/city";
            Settings["Console:SignIn:ClientId"] = ClientId;
            Settings["Console:SignIn:RolesClaim"] = "realm_access.roles";
            Settings["Console:SignIn:DepartmentClaim"] = "civic_department";
            Settings["Console:SignIn:RequireHttpsMetadata"] = "false";
            Settings["Auth:Authority"] = Provider.Url + "/realms/city";
            Settings["Auth:Audience"] = "civic-api";
            Settings["Auth:RequireHttpsMetadata"] = "false";
        }

        public WireMockServer Provider { get; }

        public RSA Key { get; } = RSA.Create(2048);

        public string Issuer => Provider.Url + "/realms/city";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var issuer = Issuer;
            Provider.Given(Request.Create().WithPath("/realms/city/.well-known/openid-configuration").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = issuer,
                    ["authorization_endpoint"] = issuer + "/protocol/openid-connect/auth",
                    ["token_endpoint"] = issuer + "/protocol/openid-connect/token",
                    ["userinfo_endpoint"] = issuer + "/protocol/openid-connect/userinfo",
                    ["jwks_uri"] = issuer + "/protocol/openid-connect/certs",
                    ["end_session_endpoint"] = issuer + "/protocol/openid-connect/logout",
                    ["response_types_supported"] = new[] { "code" },
                    ["subject_types_supported"] = new[] { "public" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                    ["code_challenge_methods_supported"] = new[] { "S256" },
                })));
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.ExportParameters(false)) { KeyId = "k1" });
            Provider.Given(Request.Create().WithPath("/realms/city/protocol/openid-connect/certs").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
                {
                    keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = jwk.N, e = jwk.E } },
                })));
            Provider.Given(Request.Create().WithPath("/realms/city/protocol/openid-connect/userinfo").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"sub":"u-42","name":"Pat Parks"}"""));
        }

        public override async Task DisposeAsync()
        {
            Provider.Stop();
            Key.Dispose();
            await base.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Console_ChallengesWithCodeAndPkce_ThenMapsNestedRolesAndDepartment()
    {
        // The handler dates its correlation cookies by the injected clock, and the client's cookie jar
        // drops expired ones by the machine's: run this test at the machine's time.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());

        // The correlation and nonce cookies are Secure (as in production): talk to the server over https.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var challenge = await client.GetAsync("/console/account");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(app.Issuer + "/protocol/openid-connect/auth", authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Equal(ClientId, query["client_id"]);
        Assert.EndsWith("/console/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);

        // The provider signs the person in and issues a token for this nonce against the code.
        app.Provider.Given(Request.Create().WithPath("/realms/city/protocol/openid-connect/token").UsingPost().WithBody(new WireMock.Matchers.WildcardMatcher("*code_verifier=*")))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
            {
                access_token = "opaque-access-token",
                token_type = "Bearer",
                expires_in = 300,
                id_token = IdToken(query["nonce"]!),
            })));

        var callback = await client.GetAsync($"/console/signin-oidc?code=the-code&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/console/account", callback.Headers.Location!.OriginalString);

        var account = await client.GetAsync("/console/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var html = await account.Content.ReadAsStringAsync();
        Assert.Contains("Pat Parks", html, StringComparison.Ordinal);
        Assert.Contains(">Supervisor<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("offline_access", html, StringComparison.Ordinal);
        Assert.Contains(">PARKS<", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/console/signin", new FormUrlEncodedContent([new("role", "supervisor")]))).StatusCode);
    }

    private string IdToken(string nonce)
    {
        var from = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var until = from.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = app.Issuer,
            Audience = ClientId,
            IssuedAt = from,
            NotBefore = from,
            Expires = until,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "u-42",
                ["nonce"] = nonce,
                ["name"] = "Pat Parks",
                ["civic_department"] = "PARKS",
                ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "supervisor", "offline_access" } },
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(app.Key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
