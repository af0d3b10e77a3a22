using CivicConnect.Intelligence.Photos;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>The in-memory engine measures the dialog alone: no photo is ever on another issue.</summary>
public sealed class NoSamePhotoFinder : ISamePhotoFinder
{
    public Task<SamePhotoMatch?> FindAsync(IReadOnlyList<string> photoPaths, long? excludeIssueId, CancellationToken cancellationToken) =>
        Task.FromResult<SamePhotoMatch?>(null);
}
