using System.Globalization;
using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Server.Features.Issues;

/// <summary>
/// <c>GET /api/issues</c> query: <c>status</c> (repeatable), <c>category</c>, <c>ward</c>,
/// <c>department</c>, <c>priority</c>, <c>from</c>/<c>to</c> (reported between), <c>bbox</c>
/// (<c>minLon,minLat,maxLon,maxLat</c>), <c>q</c> (words in the description or address, or a
/// reference number), <c>page</c> (from 1) and <c>pageSize</c> (up to 200).
/// </summary>
public sealed class IssueFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public string[]? Status { get; set; }

    public string? Category { get; set; }

    public string? Ward { get; set; }

    public string? Department { get; set; }

    public string? Priority { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    public string? Bbox { get; set; }

    public string? Q { get; set; }

    public int? Page { get; set; }

    public int? PageSize { get; set; }

    internal int PageNumber => Math.Max(1, Page ?? 1);

    internal int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    internal IQueryable<Issue> Apply(IQueryable<Issue> issues)
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is { Length: > 0 })
        {
            var statuses = new List<IssueStatus>();
            foreach (var value in Status.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (Enum.TryParse<IssueStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                {
                    statuses.Add(parsed);
                }
                else
                {
                    errors["status"] = [$"Unknown status '{value}'. Statuses: {string.Join(", ", Enum.GetNames<IssueStatus>())}."];
                }
            }

            issues = issues.Where(i => statuses.Contains(i.Status));
        }

        if (!string.IsNullOrWhiteSpace(Priority))
        {
            if (Enum.TryParse<Priority>(Priority, ignoreCase: true, out var priority) && Enum.IsDefined(priority))
            {
                issues = issues.Where(i => i.Priority == priority);
            }
            else
            {
                errors["priority"] = [$"Unknown priority '{Priority}'. Priorities: {string.Join(", ", Enum.GetNames<Priority>())}."];
            }
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            issues = issues.Where(i => i.Category!.Code == Category);
        }

        if (!string.IsNullOrWhiteSpace(Ward))
        {
            issues = issues.Where(i => i.Ward!.Code == Ward);
        }

        if (!string.IsNullOrWhiteSpace(Department))
        {
            issues = issues.Where(i => i.Department!.Code == Department);
        }

        if (From is { } from)
        {
            issues = issues.Where(i => i.CreatedAt >= from);
        }

        if (To is { } to)
        {
            issues = issues.Where(i => i.CreatedAt < to);
        }

        if (!string.IsNullOrWhiteSpace(Bbox))
        {
            if (ParseBox(Bbox) is { } box)
            {
                issues = issues.Where(i => i.Location != null && i.Location.Intersects(box));
            }
            else
            {
                errors["bbox"] = ["bbox is minLon,minLat,maxLon,maxLat in degrees, min below max."];
            }
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            if (int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var reference))
            {
                issues = issues.Where(i => i.ReferenceNumber == reference);
            }
            else
            {
                var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                issues = issues.Where(i => EF.Functions.ILike(i.Description, pattern) || (i.AddressText != null && EF.Functions.ILike(i.AddressText, pattern)));
            }
        }

        if (From is { } start && To is { } end && end <= start)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : issues;
    }

    private static Geometry? ParseBox(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        var (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (minLon >= maxLon || minLat >= maxLat || minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90)
        {
            return null;
        }

        return Geometry.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }
}
