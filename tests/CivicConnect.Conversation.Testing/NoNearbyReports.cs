using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>An empty city: no open report is ever near.</summary>
public sealed class NoNearbyReports : INearbyReportFinder
{
    public Task<NearbyReport?> FindAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken) =>
        Task.FromResult<NearbyReport?>(null);
}
