using CivicConnect.Conversation.Ports;
using CivicConnect.Intelligence.Categories;

namespace CivicConnect.Conversation.Adapters;

/// <summary>
/// <see cref="ICategoryCatalog"/> answered by the cached <see cref="ICategoryDirectory"/>. The
/// directory hands out the same list until it reloads, so the translated list is kept with it
/// rather than rebuilt on every turn.
/// </summary>
public sealed class CategoryCatalogAdapter(ICategoryDirectory directory) : ICategoryCatalog
{
    private Translated? last;

    public async ValueTask<IReadOnlyList<CategoryChoice>> GetActiveAsync(CancellationToken cancellationToken)
    {
        var source = await directory.GetActiveAsync(cancellationToken);
        if (last is { } cached && ReferenceEquals(cached.Source, source))
        {
            return cached.Choices;
        }

        var choices = source.Select(c => new CategoryChoice(c.Code, c.Name, c.DefaultPriority)).ToList();
        last = new Translated(source, choices);
        return choices;
    }

    private sealed record Translated(IReadOnlyList<CategoryInfo> Source, IReadOnlyList<CategoryChoice> Choices);
}
