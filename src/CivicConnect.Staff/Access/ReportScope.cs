using System.Security.Claims;
using CivicConnect.Core.Security;
using Npgsql;

namespace CivicConnect.Staff.Access;

/// <summary>
/// Whose reports a person may see in the console and the staff API: a supervisor sees every
/// department's, staff see their own department's (the <c>department</c> claim), and staff without a
/// department see none. One rule for every list, map and figure; SQL gets it from <see cref="Sql"/>.
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
    /// when there is one (see <see cref="Parameters"/>). Staff with no department match nothing.
    /// </summary>
    public string Sql(string alias) =>
        AllDepartments ? "TRUE"
        : DepartmentCode is null ? "FALSE"
        : $"{alias}.department_id IN (SELECT d.id FROM departments d WHERE lower(d.code) = lower(@scope_department))";

    public IEnumerable<NpgsqlParameter> Parameters() =>
        !AllDepartments && DepartmentCode is not null ? [new NpgsqlParameter("scope_department", DepartmentCode)] : [];
}
