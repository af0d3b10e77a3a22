using CivicConnect.Geo.Duplicates;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>An empty city: no open issue is ever near.</summary>
public sealed class NoDuplicateFinder : IDuplicateFinder
{
    public Task<IReadOnlyList<DuplicateCandidate>> RankAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DuplicateCandidate>>([]);
}
