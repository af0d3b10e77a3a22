using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Security;

/// <summary>
/// The staff API in Production: bearer tokens from the city's OpenID Connect provider, found through
/// its discovery document and checked against its published keys (JWKS). The provider is a WireMock
/// stand-in serving both; tokens are RS256-signed by a test key.
/// </summary>
public sealed class StaffBearerOidcTests(StaffBearerOidcTests.App app) : IClassFixture<StaffBearerOidcTests.App>
{
    private const string Audience = "civic-api";

    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Provider = WireMockServer.Start();
            Settings["DirectLine:Secret"] = "a-production-direct-line-secret-for-this-test-0123456789";
            Settings["Auth:Authority"] = Issuer;
            Settings["Auth:Audience"] = Audience;
            Settings["Auth:RequireHttpsMetadata"] = "false";
        }

        public WireMockServer Provider { get; }

        public RSA Key { get; } = RSA.Create(2048);

        public string Issuer => Provider.Url + "/realms/city";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Provider.Given(Request.Create().WithPath("/realms/city/.well-known/openid-configuration").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = Issuer + "/protocol/openid-connect/auth",
                    ["token_endpoint"] = Issuer + "/protocol/openid-connect/token",
                    ["jwks_uri"] = Issuer + "/protocol/openid-connect/certs",
                    ["response_types_supported"] = new[] { "code" },
                    ["subject_types_supported"] = new[] { "public" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                })));
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.ExportParameters(false)) { KeyId = "k1" });
            Provider.Given(Request.Create().WithPath("/realms/city/protocol/openid-connect/certs").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
                {
                    keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = jwk.N, e = jwk.E } },
                })));
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
    public async Task Me_WithATokenSignedByTheProvidersKey_IsAccepted()
    {
        var response = await GetMeAsync(Token(app.Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pat Parks", me.GetProperty("name").GetString());
        Assert.Equal(CivicRoles.Supervisor, me.GetProperty("roles")[0].GetString());
        Assert.Contains(app.Provider.LogEntries, e => e.RequestMessage.Path.EndsWith("/certs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKeyUnderTheSameKeyId_Is401()
    {
        using var other = RSA.Create(2048);

        var response = await GetMeAsync(Token(other));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithAnHmacTokenLikeTheDevelopmentOnes_Is401()
    {
        var devKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("civicconnect-development-only-signing-key-not-secret"));
        var token = Describe(new SigningCredentials(devKey, SecurityAlgorithms.HmacSha256), issuer: "civicconnect-dev", audience: "civicconnect");

        var response = await GetMeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/me");
    }

    private string Token(RSA key) =>
        Describe(new SigningCredentials(new RsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256), app.Issuer, Audience);

    private string Describe(SigningCredentials credentials, string issuer, string audience)
    {
        // Dated by the server's injected clock, which checks the lifetime.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Subject = new ClaimsIdentity([new(CivicClaims.Subject, "u-42"), new(CivicClaims.Name, "Pat Parks"), new(CivicClaims.Role, CivicRoles.Supervisor)]),
            SigningCredentials = credentials,
        });
    }
}
