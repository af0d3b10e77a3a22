using Npgsql;

namespace CivicConnect.Staff.Dashboard;

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
            parameters.Add(new NpgsqlParameter("from", from.ToUniversalTime()));
        }

        if (To is { } to)
        {
            parameters.Add(new NpgsqlParameter("to", to.ToUniversalTime()));
        }

        if (DepartmentId is { } department)
        {
            parameters.Add(new NpgsqlParameter("department", department));
        }

        return [.. parameters];
    }
}
