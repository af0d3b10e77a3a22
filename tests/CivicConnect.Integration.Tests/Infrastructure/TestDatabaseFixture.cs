namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>A per-class database without the web host, for tests of data and geo services.</summary>
public sealed class TestDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();
}
