using System.Security.Claims;
using CivicConnect.Core.Security;
using Npgsql;

namespace CivicConnect.Staff.Access;

/// <summary>
/// The SQL form of <see cref="Reports.ReportScope"/> (the rule itself) for the map and the figures,
/// which query with raw SQL: a supervisor sees every department's reports, staff their own
/// department's (the <c>department</c> claim) and those no department holds yet.
/// </summary>
/// <param name="AllDepartments">Supervisors: no department condition at all.</param>
/// <param name="DepartmentCode">The department's code as the claim carries it (matched without case: <c>roads</c> is ROADS).</param>
public sealed record ReportScope(bool AllDepartments, string? DepartmentCode)
{
    public static readonly ReportScope Everything = new(true, null);

    public static ReportScope For(ClaimsPrincipal user) =>
        CivicClaims.IsSupervisor(user) ? Everything : new ReportScope(false, CivicClaims.DepartmentOf(user));

    /// <summary>One department, e.g. a supervisor narrowing a figure down.</summary>
    public static ReportScope Department(string code) => new(false, code);

    /// <summary>
    /// The condition on <c>issues <paramref name="alias"/></c>, with the parameter <c>@scope_department</c>
    /// when there is one (see <see cref="Parameters"/>). Staff with no department see only reports no department holds.
    /// </summary>
    public string Sql(string alias) =>
        AllDepartments ? "TRUE"
        : DepartmentCode is null ? $"{alias}.department_id IS NULL"
        : $"({alias}.department_id IS NULL OR {alias}.department_id IN (SELECT d.id FROM departments d WHERE lower(d.code) = lower(@scope_department)))";

    public IEnumerable<NpgsqlParameter> Parameters() =>
        !AllDepartments && DepartmentCode is not null ? [new NpgsqlParameter("scope_department", DepartmentCode)] : [];
}
