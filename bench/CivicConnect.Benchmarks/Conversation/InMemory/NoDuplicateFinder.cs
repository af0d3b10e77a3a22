using CivicConnect.Geo.Duplicates;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>An empty city: no open issue is ever near.</summary>
public sealed class NoDuplicateFinder : IDuplicateFinder
{
    public Task<DuplicateCandidate?> FindAsync(string categoryCode, double latitude, double longitude, CancellationToken cancellationToken) =>
        Task.FromResult<DuplicateCandidate?>(null);
}
