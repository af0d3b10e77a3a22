namespace CivicConnect.Geo.Duplicates;

/// <summary>Open issues of the same (or a confusable) category close to a point: the same problem, probably, already reported.</summary>
public interface IDuplicateFinder
{
    /// <summary>Candidates within the category's radius and age limit, most likely the same problem first; empty when none.</summary>
    Task<IReadOnlyList<DuplicateCandidate>> RankAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken);

    /// <summary>The best candidate, or null: what the conversation offers to join.</summary>
    async Task<DuplicateCandidate?> FindAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken) =>
        (await RankAsync(categoryCode, latitude, longitude, description, cancellationToken)) is [var best, ..] ? best : null;
}

/// <param name="Score">0–1: nearer, newer and more alike in wording scores higher.</param>
public sealed record DuplicateCandidate(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, double DistanceMeters, string CategoryCode, double Score);
