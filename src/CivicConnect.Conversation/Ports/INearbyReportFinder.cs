namespace CivicConnect.Conversation.Ports;

/// <summary>An open report of the same problem close by, offered to join instead of filing a new one.</summary>
public interface INearbyReportFinder
{
    /// <summary>The most likely same problem within the category's radius and age limit, or null.</summary>
    Task<NearbyReport?> FindAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken);
}

public sealed record NearbyReport(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, double DistanceMeters);
