using CivicConnect.Data;
using CivicConnect.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>
/// The real server (Program) against a per-class PostgreSQL database. Only third-party HTTP APIs
/// are ever stood in for (WireMock.Net); tests configure them through <see cref="Settings"/>.
/// </summary>
public class CivicAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>Extra configuration (e.g. a WireMock base URL) applied before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The injected clock; tests move it to make deadlines, expiry and quiet hours happen.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));

    public virtual async Task InitializeAsync() => await Database.InitializeAsync();

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public CivicDbContext CreateDbContext() => Database.CreateDbContext();

    /// <summary>
    /// The suite runs turns inside the request, and the first turn in the test process waits for
    /// the classifier to be built (shared by every host afterwards): on a busy 2-core machine that
    /// can pass HttpClient's default 100 s.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Timeout = TimeSpan.FromMinutes(5);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}", Database.ConnectionString);

        // Most tests read the outcome of a message as soon as it is posted; QueuedTurnTests covers the production timing.
        builder.UseSetting("Messaging:Turns", nameof(TurnTiming.InRequest));

        // Tests move the clock by days; the retention sweep runs only where a test calls it.
        builder.UseSetting("Retention:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
