using System.Globalization;
using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// What to list, as <c>GET /api/issues</c> takes it and the queue sets it: <c>status</c>
/// (repeatable or comma-separated), <c>category</c>, <c>ward</c>, <c>department</c>,
/// <c>priority</c>, <c>from</c>/<c>to</c> (reported between), <c>minAgeDays</c>/<c>maxAgeDays</c>
/// (how long ago it was reported), <c>slaBreached</c> (deadline passed, not finished),
/// <c>hasPhoto</c>, <c>bbox</c> (<c>minLon,minLat,maxLon,maxLat</c>), <c>q</c> (words in the
/// description or address, or a reference number), <c>sort</c> (created, updated, deadline,
/// priority, reference, votes) and <c>order</c> (asc, desc), <c>page</c> (from 1) and
/// <c>pageSize</c> (up to 200).
/// </summary>
public sealed class ReportFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The deepest row a page may start at: far beyond what a person pages through, and small
    /// enough that page × pageSize can neither overflow nor ask PostgreSQL to skip millions of rows.
    /// </summary>
    public const int MaxOffset = 100_000;

    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public string[]? Status { get; set; }

    public string? Category { get; set; }

    public string? Ward { get; set; }

    public string? Department { get; set; }

    public string? Priority { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    public int? MinAgeDays { get; set; }

    public int? MaxAgeDays { get; set; }

    public bool? SlaBreached { get; set; }

    public bool? HasPhoto { get; set; }

    public string? Bbox { get; set; }

    public string? Q { get; set; }

    public string? Sort { get; set; }

    public string? Order { get; set; }

    public int? Page { get; set; }

    public int? PageSize { get; set; }

    internal int PageNumber => Math.Max(1, Page ?? 1);

    internal int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>A copy without the status filter: the queue's counts per status are taken over everything else the filter says.</summary>
    internal ReportFilter WithoutStatus()
    {
        var copy = (ReportFilter)MemberwiseClone();
        copy.Status = null;
        return copy;
    }

    /// <summary>
    /// Whether the filter narrows by nothing but department, status and past-deadline (page, size and sort aside):
    /// the queue's default views, which the lifecycle's counts per department and status answer without reading reports.
    /// </summary>
    internal bool NarrowsOnlyByDepartmentStatusAndDeadline =>
        string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Ward) && string.IsNullOrWhiteSpace(Priority)
        && From is null && To is null && MinAgeDays is null && MaxAgeDays is null
        && HasPhoto is null && string.IsNullOrWhiteSpace(Bbox) && string.IsNullOrWhiteSpace(Q);

    /// <summary>The statuses picked (null: no status filter); an unknown name goes into <paramref name="errors"/>.</summary>
    internal IssueStatus[]? ChosenStatuses(Dictionary<string, string[]> errors)
    {
        if (Status is not { Length: > 0 })
        {
            return null;
        }

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

        return statuses.Count > 0 ? [.. statuses.Distinct()] : null;
    }

    /// <summary>Narrows <paramref name="issues"/>; throws <see cref="ReportFilterException"/> naming every field it cannot read.</summary>
    internal IQueryable<Issue> Apply(CivicDbContext db, IQueryable<Issue> issues, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();

        // PostgreSQL text cannot hold U+0000: a filter with one would fail in the database (the fuzzer's 500).
        foreach (var (name, value) in TextFields())
        {
            if (value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                errors[name] = [$"{name} may not contain a NUL character."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ReportFilterException(errors);
        }
        if (ChosenStatuses(errors) is { Length: > 0 } chosen)
        {
            // As constants, not a parameter: the statuses are the enum's names, few combinations, and only a
            // condition with constants lets PostgreSQL use a partial index of open reports (the queue's "open" filter).
            issues = issues.Where(i => EF.Constant(chosen).Contains(i.Status));
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

        // Codes become ids in a scalar subquery, not a join: PostgreSQL then reads an index that starts with the id in
        // its order ((category_id, created_at), (department_id, updated_at)…) and stops after a page; through the join
        // it read every report of the category or department and sorted them (45–72 ms with 100,000 reports).
        // The subquery's id is not nullable (an unknown code is 0, which no row has): compared with a nullable
        // id, EF would add "OR (ward_id IS NULL AND subquery IS NULL)", which PostgreSQL answers with a bitmap of
        // both and a sort of every match instead of the index in order (a department's page by last update
        // 66 → 5 ms), and which listed the reports with no ward or department for an unknown code.
        if (!string.IsNullOrWhiteSpace(Category))
        {
            var code = Category;
            issues = issues.Where(i => i.CategoryId == db.ServiceCategories.Where(c => c.Code == code).Select(c => c.Id).FirstOrDefault());
        }

        if (!string.IsNullOrWhiteSpace(Ward))
        {
            var code = Ward;
            issues = issues.Where(i => i.WardId == db.Wards.Where(w => w.Code == code).Select(w => w.Id).FirstOrDefault());
        }

        if (!string.IsNullOrWhiteSpace(Department))
        {
            var code = Department;
            issues = issues.Where(i => i.DepartmentId == db.Departments.Where(d => d.Code == code).Select(d => d.Id).FirstOrDefault());
        }

        // PostgreSQL's timestamptz takes only UTC from Npgsql: "2026-12-01T00:00-07:00" is the same instant in UTC.
        if (From?.ToUniversalTime() is { } from)
        {
            issues = issues.Where(i => i.CreatedAt >= from);
        }

        if (To?.ToUniversalTime() is { } to)
        {
            issues = issues.Where(i => i.CreatedAt < to);
        }

        if (MinAgeDays is < 0 || MaxAgeDays is < 0 || (MinAgeDays is { } least && MaxAgeDays is { } most && most <= least))
        {
            errors["minAgeDays"] = ["Ages are whole days from 0, and maxAgeDays above minAgeDays."];
        }
        else
        {
            if (MinAgeDays is { } minAge)
            {
                var reportedBefore = now.AddDays(-minAge);
                issues = issues.Where(i => i.CreatedAt <= reportedBefore);
            }

            if (MaxAgeDays is { } maxAge)
            {
                var reportedAfter = now.AddDays(-maxAge);
                issues = issues.Where(i => i.CreatedAt > reportedAfter);
            }
        }

        if (SlaBreached is { } breached)
        {
            var finished = IssueStatuses.Finished;
            // Past the deadline with the finished statuses as constants: the partial index of open reports newest first applies.
            issues = breached
                ? issues.Where(i => i.Deadline != null && i.Deadline < now && !EF.Constant(finished).Contains(i.Status))
                : issues.Where(i => i.Deadline == null || i.Deadline >= now || finished.Contains(i.Status));
        }

        if (HasPhoto is { } hasPhoto)
        {
            issues = hasPhoto ? issues.Where(i => i.Media.Any()) : issues.Where(i => !i.Media.Any());
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

        if ((long)(PageNumber - 1) * Size > MaxOffset)
        {
            errors["page"] = [$"page × pageSize may reach at most {MaxOffset:N0} reports; narrow the filter instead."];
        }

        if (!ReportSorting.IsKnown(Sort, Order))
        {
            errors["sort"] = [$"sort is one of {string.Join(", ", ReportSorting.Keys)}; order is asc or desc."];
        }

        return errors.Count > 0 ? throw new ReportFilterException(errors) : issues;
    }

    private IEnumerable<(string Name, string? Value)> TextFields() =>
    [
        ("category", Category), ("ward", Ward), ("department", Department), ("priority", Priority),
        ("bbox", Bbox), ("q", Q), ("sort", Sort), ("order", Order),
        .. (Status ?? []).Select(s => ("status", (string?)s)),
    ];

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
