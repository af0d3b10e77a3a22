using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Intelligence.Categories;

/// <summary>
/// Reads the active categories from the database and keeps them for a short while, so a
/// supervisor's change reaches every node within <see cref="Lifetime"/> without a restart.
/// </summary>
public sealed class CategoryDirectory(IServiceScopeFactory scopes, TimeProvider clock) : ICategoryDirectory, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (IReadOnlyList<CategoryInfo> Categories, DateTimeOffset LoadedAt)? cache;

    public async ValueTask<IReadOnlyList<CategoryInfo>> GetActiveAsync(CancellationToken cancellationToken)
    {
        if (cache is { } current && clock.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current.Categories;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
            {
                return fresh.Categories;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
            var rows = await db.ServiceCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
            IReadOnlyList<CategoryInfo> categories = rows
                .Select(c => new CategoryInfo(c.Id, c.Code, c.Name, c.Description, c.DefaultPriority, c.SlaHours, c.Keywords, c.UrgentKeywords, c.SortOrder))
                .ToList();
            cache = (categories, clock.GetUtcNow());
            return categories;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
