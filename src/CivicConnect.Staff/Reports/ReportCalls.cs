using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// Runs one service call in its own DI scope. A console page lives as long as its circuit; a
/// DbContext that long would serve stale tracked rows (the version check would compare against
/// what the page saw hours ago) and could be used by two events at once. A scope per call gives
/// each read and each action a fresh context, as an API request has.
/// </summary>
public sealed class ReportCalls(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
