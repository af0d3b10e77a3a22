using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Geo.Duplicates;

/// <summary>
/// Nearest open issue of the same category within the category's radius and age limit:
/// ST_DWithin on geography (metres), which uses the GiST index on the location.
/// </summary>
public sealed class NearbyDuplicateFinder(CivicDbContext db, IOptions<DuplicateOptions> options, TimeProvider clock) : IDuplicateFinder
{
    private static readonly string[] ClosedStatuses =
        [nameof(IssueStatus.Resolved), nameof(IssueStatus.Closed), nameof(IssueStatus.Duplicate), nameof(IssueStatus.Rejected), nameof(IssueStatus.ClosedNotFixed)];

    public async Task<DuplicateCandidate?> FindAsync(string categoryCode, double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return null;
        }

        var settings = options.Value;
        var radius = settings.RadiusMetersByCategory.TryGetValue(categoryCode, out var specific) ? specific : settings.RadiusMeters;
        var since = clock.GetUtcNow().AddDays(-settings.MaxAgeDays);
        var rows = await db.Database.SqlQuery<DuplicateRow>($"""
            SELECT i.id AS issue_id, i.reference_number, i.created_at AS reported_at, i.description,
                   ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography) AS distance_meters
            FROM issues i
            JOIN service_categories c ON c.id = i.category_id
            WHERE c.code = {categoryCode}
              AND i.status <> ALL({ClosedStatuses})
              AND i.created_at >= {since}
              AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography, {radius})
            ORDER BY 5
            LIMIT 1
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new DuplicateCandidate(r.IssueId, r.ReferenceNumber, r.ReportedAt, r.Description, r.DistanceMeters)).FirstOrDefault();
    }

    // Column names follow the context's snake_case convention.
    private sealed record DuplicateRow(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, double DistanceMeters);
}
