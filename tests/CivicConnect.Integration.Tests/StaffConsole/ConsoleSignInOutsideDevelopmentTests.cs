using System.Net;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>Outside Development, nobody can pick a role: the development sign-in does not exist.</summary>
public sealed class ConsoleSignInOutsideDevelopmentTests(ConsoleSignInOutsideDevelopmentTests.App app)
    : IClassFixture<ConsoleSignInOutsideDevelopmentTests.App>
{
    public sealed class App : CivicAppFactory
    {
        public App()
        {
            Settings["DirectLine:Secret"] = "a-production-direct-line-secret-for-this-test-0123456789";

            // Required outside Development; never contacted by these tests.
            Settings["Auth:Authority"] = "https://login.example.org/realms/city";
            Settings["Auth:Audience"] = "civic-api";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task SignInPage_IsA404ProblemOutsideDevelopment()
    {
        var response = await Client().GetAsync("/console/signin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostingARole_IsRefusedAndStartsNoSession()
    {
        var client = Client();
        var response = await client.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "supervisor",
            ["name"] = "mallory",
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("civic.console", StringComparison.Ordinal)));
        var console = await client.GetAsync("/console/account");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/console/signin", console.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
