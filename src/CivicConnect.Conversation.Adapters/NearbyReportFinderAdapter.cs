using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Telemetry;
using CivicConnect.Geo.Duplicates;

namespace CivicConnect.Conversation.Adapters;

/// <summary><see cref="INearbyReportFinder"/> answered by Geo's ranked <see cref="IDuplicateFinder"/>: its best candidate.</summary>
public sealed class NearbyReportFinderAdapter(IDuplicateFinder duplicates) : INearbyReportFinder
{
    public async Task<NearbyReport?> FindAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken)
    {
        using var span = CivicTelemetry.Start("duplicates");
        var best = await duplicates.FindAsync(categoryCode, latitude, longitude, description, cancellationToken);
        span?.SetTag("civic.duplicate_found", best is not null);
        return best is null ? null : new NearbyReport(best.IssueId, best.ReferenceNumber, best.ReportedAt, best.Description, best.DistanceMeters);
    }
}
