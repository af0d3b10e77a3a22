using System.Globalization;
using CivicConnect.Data;
using CivicConnect.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicConnect.Server.Features.Analytics;

/// <summary>
/// Which issues the summary counts: reported in <c>[from, to)</c> and, optionally, owned by one
/// department. Only the conditions asked for go into the SQL, so the planner sees a plain range
/// (or department and range) it can answer from an index.
/// </summary>
public sealed record AnalyticsScope(DateTimeOffset? From, DateTimeOffset? To, int? DepartmentId, string? DepartmentCode)
{
    public static readonly AnalyticsScope Everything = new(null, null, null, null);

    /// <summary>The <c>WHERE</c> clause on <c>issues i</c> (always present, so queries can add <c>AND …</c>).</summary>
    public string Where
    {
        get
        {
            var conditions = new List<string> { "TRUE" };
            if (From is not null)
            {
                conditions.Add("i.created_at >= @from");
            }

            if (To is not null)
            {
                conditions.Add("i.created_at < @to");
            }

            if (DepartmentId is not null)
            {
                conditions.Add("i.department_id = @department");
            }

            return "WHERE " + string.Join(" AND ", conditions);
        }
    }

    /// <summary>Fresh parameters for one command (Npgsql parameters cannot be shared between commands).</summary>
    public NpgsqlParameter[] Parameters()
    {
        var parameters = new List<NpgsqlParameter>();
        if (From is { } from)
        {
            parameters.Add(new NpgsqlParameter("from", from));
        }

        if (To is { } to)
        {
            parameters.Add(new NpgsqlParameter("to", to));
        }

        if (DepartmentId is { } department)
        {
            parameters.Add(new NpgsqlParameter("department", department));
        }

        return [.. parameters];
    }

    /// <summary>Reads <c>from</c>, <c>to</c> and <c>department</c>; every problem is reported at once as a 400.</summary>
    public static async Task<AnalyticsScope> ParseAsync(string? from, string? to, string? department, CivicDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseInstant(from, "from", errors);
        var end = ParseInstant(to, "to", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        // Codes are matched as tokens carry them (`roads` for ROADS).
        int? departmentId = null;
        string? departmentCode = null;
        if (department is not null)
        {
            var exact = department.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var owner = await db.Departments.AsNoTracking().Where(d => EF.Functions.ILike(d.Code, exact)).Select(d => new { d.Id, d.Code }).FirstOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                errors["department"] = [$"No department has the code '{(department.Length <= 64 ? department : department[..64] + "…")}'."];
            }
            else
            {
                (departmentId, departmentCode) = (owner.Id, owner.Code);
            }
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : new AnalyticsScope(start, end, departmentId, departmentCode);
    }

    private static DateTimeOffset? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        // A date alone is midnight UTC, as in /api/issues; `to` is exclusive.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors[field] = ["must be an ISO 8601 date or date and time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z"];
        return null;
    }
}
