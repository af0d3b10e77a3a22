using CivicConnect.Core.Text;
using CivicConnect.Data.Entities;
using CivicConnect.Data.Seeding;
using CivicConnect.Intelligence.Categories;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>The active categories of a service-catalog seed file, read once; what the database would hold after <c>civic seed</c>.</summary>
public sealed class SeedFileCategoryDirectory : ICategoryDirectory
{
    private readonly IReadOnlyList<CategoryInfo> categories;

    public SeedFileCategoryDirectory(string serviceCatalogPath)
    {
        var file = ServiceCatalogSeeder.Read(serviceCatalogPath);
        categories = file.Categories
            .Select((c, index) => (Seed: c, Index: index))
            .Where(x => x.Seed.Active)
            .Select(x => new CategoryInfo(
                x.Index + 1,
                x.Seed.Code,
                new LocalizedText(x.Seed.Name),
                new LocalizedText(x.Seed.Description),
                x.Seed.DefaultPriority,
                x.Seed.SlaHours,
                x.Seed.Keywords ?? [],
                x.Seed.UrgentKeywords ?? [],
                x.Index))
            .ToList();
    }

    public ValueTask<IReadOnlyList<CategoryInfo>> GetActiveAsync(CancellationToken cancellationToken) => ValueTask.FromResult(categories);
}
