namespace CivicConnect.Geo.Duplicates;

/// <summary>Open issues of the same category close to a point: the same problem, probably, already reported.</summary>
public interface IDuplicateFinder
{
    Task<DuplicateCandidate?> FindAsync(string categoryCode, double latitude, double longitude, CancellationToken cancellationToken);
}

public sealed record DuplicateCandidate(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, double DistanceMeters);
