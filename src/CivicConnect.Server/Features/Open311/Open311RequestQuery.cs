using CivicConnect.Core.Privacy;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Text;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Reads service requests as the spec shows them. The public id is the citizen's reference number;
/// times are in the city's zone with their offset. Nothing about the reporter is ever returned.
/// </summary>
internal sealed class Open311RequestQuery(CivicDbContext db, IContactRedactor redactor, IOptions<CityOptions> city, IOptions<Open311Options> open311)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    public async Task<IReadOnlyList<Open311Element>> FindAsync(Open311RequestFilter filter, string locale, int limit, CancellationToken cancellationToken)
    {
        var issues = db.Issues.AsNoTracking();
        if (filter.ReferenceNumbers is { Count: > 0 } references)
        {
            // The spec: service_request_id overrides every other argument.
            issues = issues.Where(i => references.Contains(i.ReferenceNumber));
        }
        else
        {
            issues = issues.Where(i => i.CreatedAt >= filter.From && i.CreatedAt <= filter.To);
            if (filter.ServiceCodes is { Count: > 0 } codes)
            {
                issues = issues.Where(i => codes.Contains(i.Category!.Code));
            }

            if (filter.Statuses is { Count: 1 } statuses)
            {
                issues = statuses[0] == Open311Status.Closed
                    ? issues.Where(i => IssueStatuses.Finished.Contains(i.Status))
                    : issues.Where(i => !IssueStatuses.Finished.Contains(i.Status));
            }
        }

        var rows = await issues
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.ReferenceNumber)
            .Take(limit)
            .Select(i => new RequestRow(
                i.ReferenceNumber,
                i.Status,
                i.Events.Where(e => e.IsPublic && e.FromStatus != null).OrderByDescending(e => e.OccurredAt).Select(e => e.Comment).FirstOrDefault(),
                i.Category!.Code,
                i.Category.Name,
                i.Description,
                i.Department == null ? null : i.Department.Name,
                i.CreatedAt,
                i.UpdatedAt,
                i.Deadline,
                i.AddressText,
                i.Location == null ? null : i.Location.Y,
                i.Location == null ? null : i.Location.X,
                db.Open311Requests.Where(r => r.IssueId == i.Id).Select(r => r.MediaUrl).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToElement(r, locale)).ToList();
    }

    public async Task<int?> ReferenceForTokenAsync(string token, CancellationToken cancellationToken) =>
        await db.Open311Requests.AsNoTracking()
            .Where(r => r.Token == token)
            .Join(db.Issues, r => r.IssueId, i => i.Id, (_, i) => (int?)i.ReferenceNumber)
            .FirstOrDefaultAsync(cancellationToken);

    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone);

    private Open311Element ToElement(RequestRow row, string locale) => new()
    {
        { "service_request_id", row.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { "status", Open311Status.Of(row.Status) },
        { "status_notes", row.StatusNote },
        { "service_name", row.ServiceName.For(locale) },
        { "service_code", row.ServiceCode },
        { "description", PublicDescription.For(row.Description, open311.Value, redactor) },
        { "agency_responsible", row.Department?.For(locale) },
        { "service_notice", null },
        { "requested_datetime", Local(row.CreatedAt) },
        { "updated_datetime", Local(row.UpdatedAt) },
        { "expected_datetime", row.Deadline is { } deadline ? Local(deadline) : null },
        { "address", row.Address },
        { "address_id", null },
        { "zipcode", null },
        { "lat", row.Latitude },
        { "long", row.Longitude },
        { "media_url", row.MediaUrl },
    };

    private sealed record RequestRow(
        int Reference,
        IssueStatus Status,
        string? StatusNote,
        string ServiceCode,
        LocalizedText ServiceName,
        string Description,
        LocalizedText? Department,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? Deadline,
        string? Address,
        double? Latitude,
        double? Longitude,
        string? MediaUrl);
}

/// <summary>A parsed <c>GET /requests</c> query.</summary>
internal sealed record Open311RequestFilter(
    IReadOnlyList<int>? ReferenceNumbers,
    IReadOnlyList<string>? ServiceCodes,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<string>? Statuses);
