using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>
/// The real server with one messaging provider's API stood in for by a WireMock.Net server, a
/// media folder of its own, and a way to run the outbox until it is empty.
/// </summary>
public abstract class ProviderAppFactory : CivicAppFactory
{
    protected ProviderAppFactory(string mediaPrefix)
    {
        Provider = WireMockServer.Start();
        MediaRoot = Path.Combine(Path.GetTempPath(), mediaPrefix + Guid.NewGuid().ToString("N")[..12]);
        Settings["Media:Root"] = MediaRoot;
    }

    /// <summary>Where this server keeps photos (a temporary folder of its own).</summary>
    public string MediaRoot { get; }

    protected WireMockServer Provider { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Provider.Stop();
        Provider.Dispose();
        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }
    }

    public int MediaFileCount() =>
        Directory.Exists(MediaRoot) ? Directory.EnumerateFiles(MediaRoot, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>Runs the outbox until nothing due is pending (the background dispatcher may take some rows itself).</summary>
    public async Task DrainOutboxAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 200; i++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var db = CreateDbContext();
            var now = Clock.GetUtcNow();
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now))
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The outbox did not drain.");
    }
}
