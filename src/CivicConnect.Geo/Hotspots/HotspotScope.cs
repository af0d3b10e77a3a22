using Npgsql;

namespace CivicConnect.Geo.Hotspots;

/// <summary>
/// Which issues a hotspot query may count, as an SQL condition on <c>issues i</c> with its parameters.
/// The caller renders it from its read rule (the console and the staff API: <c>ReportScope.Sql</c>), so a
/// hotspot never counts or names a report its reader may not see.
/// </summary>
/// <param name="Condition">An SQL boolean expression on <c>issues i</c>, e.g. <c>TRUE</c> or <c>i.department_id IN (…)</c>.</param>
/// <param name="Parameters">Fresh parameters the condition names (one command's worth).</param>
public sealed record HotspotScope(string Condition, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>Every issue (a supervisor, or a caller with no reader).</summary>
    public static HotspotScope Everything => new("TRUE", []);
}
