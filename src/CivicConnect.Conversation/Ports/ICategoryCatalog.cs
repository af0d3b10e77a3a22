using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;

namespace CivicConnect.Conversation.Ports;

/// <summary>The active service categories the citizen can choose from, in the city's order.</summary>
public interface ICategoryCatalog
{
    ValueTask<IReadOnlyList<CategoryChoice>> GetActiveAsync(CancellationToken cancellationToken);

    async ValueTask<CategoryChoice?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await GetActiveAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <param name="DefaultPriority">The draft's priority when the classifier gave none.</param>
public sealed record CategoryChoice(string Code, LocalizedText Name, Priority DefaultPriority);
