using System.Security.Cryptography;
using System.Text;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.PublicStatus;

/// <summary>What the public status page shows of a report: no reporter, no words of theirs, no photo.</summary>
internal sealed record PublicReport(
    int Reference,
    string CategoryCode,
    IssueStatus Status,
    DateTimeOffset ReportedAt,
    string? WardName,
    double? Latitude,
    double? Longitude,
    string Locale,
    IReadOnlyList<PublicHistoryLine> History);

/// <summary>A public line of the report's history: when, the status after it, and the city's public comment.</summary>
internal sealed record PublicHistoryLine(DateTimeOffset At, IssueStatus Status, string? Comment);

internal sealed class PublicReportQuery(CivicDbContext db)
{
    /// <returns>Null when there is no such report or the key is not its key (the two are not told apart).</returns>
    public async Task<PublicReport?> FindAsync(int reference, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return null;
        }

        var issue = await db.Issues.AsNoTracking()
            .Where(i => i.ReferenceNumber == reference)
            .Select(i => new
            {
                i.Id,
                i.PublicKey,
                Category = i.Category!.Code,
                i.Status,
                i.CreatedAt,
                Ward = i.Ward == null ? null : i.Ward.Name,
                i.Location,
                i.Locale,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (issue is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(issue.PublicKey), Encoding.UTF8.GetBytes(key)))
        {
            return null;
        }

        var history = await db.IssueEvents.AsNoTracking()
            .Where(e => e.IssueId == issue.Id && e.IsPublic)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new PublicHistoryLine(e.OccurredAt, e.ToStatus, e.Kind == IssueEventKinds.Comment ? e.Comment : null))
            .ToListAsync(cancellationToken);

        // About 100 m: enough to see where, not which house.
        double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
        return new PublicReport(reference, issue.Category, issue.Status, issue.CreatedAt, issue.Ward, Round(issue.Location?.Y), Round(issue.Location?.X), issue.Locale, history);
    }
}
