using CivicConnect.Channels.Inbox;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>The real server with its photos in a private folder and the test-only <see cref="EchoInbound"/> behind Direct Line.</summary>
public class DirectLineAppFactory : CivicAppFactory
{
    public DirectLineAppFactory()
    {
        Settings["Media:Root"] = MediaRoot;
    }

    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-media-" + Guid.NewGuid().ToString("N")[..12]);

    public EchoInbound Inbound => Services.GetRequiredService<EchoInbound>();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<EchoInbound>();
            services.AddSingleton<IInbound>(sp => sp.GetRequiredService<EchoInbound>());
        });
    }
}
