using CivicConnect.Conversation.Ports;
using CivicConnect.Geo.Duplicates;

namespace CivicConnect.Conversation.Adapters;

/// <summary><see cref="INearbyReportFinder"/> answered by Geo's ranked <see cref="IDuplicateFinder"/>: its best candidate.</summary>
public sealed class NearbyReportFinderAdapter(IDuplicateFinder duplicates) : INearbyReportFinder
{
    public async Task<NearbyReport?> FindAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken) =>
        await duplicates.FindAsync(categoryCode, latitude, longitude, description, cancellationToken) is { } best
            ? new NearbyReport(best.IssueId, best.ReferenceNumber, best.ReportedAt, best.Description, best.DistanceMeters)
            : null;
}
