using Npgsql;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Gives every gazetteer point its ward. Run by the places import and again by the ward import,
/// so the two can be loaded in either order.
/// </summary>
public static class PlaceWards
{
    /// <summary>The statements that give every gazetteer point its ward (the ward import runs them in its own transaction).</summary>
    public const string AssignSql = """
        UPDATE place_corners p SET ward_id = (SELECT w.id FROM wards w WHERE ST_Covers(w.boundary, p.location) LIMIT 1);
        UPDATE place_addresses p SET ward_id = (SELECT w.id FROM wards w WHERE ST_Covers(w.boundary, p.location) LIMIT 1);
        UPDATE place_names p SET ward_id = (SELECT w.id FROM wards w WHERE ST_Covers(w.boundary, p.location) LIMIT 1);
        """;

    private const string Assign = AssignSql + """
        SELECT (SELECT count(*) FROM place_corners WHERE ward_id IS NOT NULL)
             + (SELECT count(*) FROM place_addresses WHERE ward_id IS NOT NULL)
             + (SELECT count(*) FROM place_names WHERE ward_id IS NOT NULL);
        """;

    /// <summary>Returns how many points lie inside a ward.</summary>
    public static async Task<int> AssignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Assign, connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
