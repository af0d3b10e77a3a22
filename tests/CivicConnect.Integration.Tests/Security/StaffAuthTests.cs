using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Security;

public sealed class StaffAuthTests(StaffAuthTests.App app) : IClassFixture<StaffAuthTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
    }

    [Fact]
    public async Task Me_WithADevToken_ShowsRolesAndDepartment()
    {
        var me = await app.CreateClientAs(CivicRoles.Staff, "roads", "Dana").GetFromJsonAsync<AccountView>("/api/me");

        Assert.NotNull(me);
        Assert.Equal("Dana", me.Name);
        Assert.Equal([CivicRoles.Staff], me.Roles);
        Assert.Equal("roads", me.Department);
    }

    [Fact]
    public async Task Me_WithoutAToken_IsAProblemDetails401()
    {
        var response = await app.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKey_Is401()
    {
        var otherKey = new DevTokenIssuer(
            Options.Create(new AuthOptions { DevSigningKey = "some-other-key-that-is-also-long-enough-987654321" }),
            app.Services.GetRequiredService<IHostEnvironment>(),
            TimeProvider.System);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherKey.Issue("mallory", [CivicRoles.Supervisor]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Me_WithAnExpiredToken_Is401()
    {
        var token = app.Services.GetRequiredService<DevTokenIssuer>().Issue("sam", [CivicRoles.Staff], lifetime: TimeSpan.FromMinutes(10));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public void Issue_AnUnknownRole_IsRefused()
    {
        var issuer = app.Services.GetRequiredService<DevTokenIssuer>();

        Assert.Throws<ArgumentException>(() => issuer.Issue("x", ["mayor"]));
    }

    private sealed record AccountView(string Subject, string Name, List<string> Roles, string? Department);
}
