namespace CivicConnect.Intelligence.Categories;

/// <summary>The active service categories, in the city's order. Cached briefly; categories change rarely.</summary>
public interface ICategoryDirectory
{
    ValueTask<IReadOnlyList<CategoryInfo>> GetActiveAsync(CancellationToken cancellationToken);

    async ValueTask<CategoryInfo?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await GetActiveAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}
