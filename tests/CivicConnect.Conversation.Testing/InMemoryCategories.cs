using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>A fixed list of active categories, in the order given.</summary>
public sealed class InMemoryCategories(IEnumerable<CategoryChoice> categories) : ICategoryCatalog
{
    private readonly IReadOnlyList<CategoryChoice> active = categories.ToList();

    public ValueTask<IReadOnlyList<CategoryChoice>> GetActiveAsync(CancellationToken cancellationToken) => ValueTask.FromResult(active);
}
