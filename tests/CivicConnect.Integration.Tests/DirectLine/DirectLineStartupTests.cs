using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineStartupTests
{
    [Fact]
    public async Task Server_OutsideDevelopmentWithoutASecret_RefusesToStart()
    {
        var app = new ProductionFactory();
        await app.InitializeAsync();
        try
        {
            var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

            Assert.Contains("DirectLine:Secret", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Server_OutsideDevelopmentWithThePublicDevelopmentSecret_RefusesToStart()
    {
        var app = new ProductionFactory();
        app.Settings["DirectLine:Secret"] = CivicConnect.Channels.DirectLine.DirectLineOptions.DevelopmentSecret;
        await app.InitializeAsync();
        try
        {
            var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

            Assert.Contains("development secret", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private sealed class ProductionFactory : CivicAppFactory
    {
        public ProductionFactory()
        {
            // Required outside Development, and not what these tests are about.
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
