using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Server.Commands;
using CivicConnect.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Security;

/// <summary>What a node refuses to start with in Production, and what it refuses to do there.</summary>
public sealed class ProductionStartupTests
{
    [Fact]
    public async Task Start_WithoutAuthAuthority_RefusesAndNamesTheSetting()
    {
        var message = await StartFailureAsync(settings => settings.Remove("Auth:Authority"));

        Assert.Contains("Auth:Authority is required outside Development", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("civicconnect-development-only-signing-key-not-secret")]
    [InlineData("a-private-looking-signing-key-that-is-long-enough-0123")]
    public async Task Start_WithAnyDevSigningKey_Refuses(string key)
    {
        var message = await StartFailureAsync(settings => settings["Auth:DevSigningKey"] = key);

        Assert.Contains("Auth:DevSigningKey must not be set outside Development", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithTwilioButNoPublicBaseUrl_RefusesAndNamesTheSetting()
    {
        var message = await StartFailureAsync(settings =>
        {
            settings["Twilio:AccountSid"] = "AC" + new string('0', 32);
            settings["Twilio:AuthToken"] = "a-twilio-auth-token-for-this-test";
            settings["Twilio:PhoneNumber"] = "+15875550100";
        });

        Assert.Contains("Channels:PublicBaseUrl is required in Production", message, StringComparison.Ordinal);
        Assert.Contains("Twilio", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCommandAndIssuer_InProduction_RefuseToMint()
    {
        await using var app = new ProductionApp();
        await app.InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Equal(64, TokenCommand.Run(scope.ServiceProvider, ["--role", CivicRoles.Supervisor]));
        Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<DevTokenIssuer>().Issue("mallory", [CivicRoles.Supervisor]));
    }

    private static async Task<string> StartFailureAsync(Action<Dictionary<string, string?>> change)
    {
        await using var app = new ProductionApp();
        change(app.Settings);
        await app.InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var failures = (error as AggregateException)?.Flatten().InnerExceptions ?? [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        return string.Join("\n", failures.Select(f => f.Message));
    }

    /// <summary>A node configured as production needs it: a private Direct Line secret and the city's OIDC provider.</summary>
    private sealed class ProductionApp : CivicAppFactory
    {
        public ProductionApp()
        {
            Settings["DirectLine:Secret"] = "a-production-direct-line-secret-for-this-test-0123456789";
            Settings["Auth:Authority"] = "https://login.example.org/realms/city";
            Settings["Auth:Audience"] = "civic-api";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
