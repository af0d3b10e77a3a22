using System.Diagnostics;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--seed-reports N</c>: a city's worth of past reports in the load's database, so the staff API is
/// measured against a full <c>issues</c> table rather than a few hundred rows. Written in SQL alone
/// (no request per report): points drawn inside each ward with <c>ST_GeneratePoints</c> (so every ward
/// has its share and its <c>ward_id</c> is right by construction), every category with its department,
/// the statuses a two-year-old service holds (about two thirds finished), ages skewed to the recent
/// past, deadlines 72 h after the report (so open old ones are past it), a few urgent ones. Rows carry
/// the channel <see cref="Channel"/>: a second run tops them up or trims them to N instead of writing
/// them again, and the transitions' own issues (Open311) are never touched.
/// </summary>
internal static class ReportSeeder
{
    public const string Channel = "loadgen-seed";

    /// <summary>Writes or trims the seeded reports to <paramref name="wanted"/>; returns how many there are and how long it took.</summary>
    public static async Task<(int Reports, TimeSpan Took)> SeedAsync(string connectionString, int wanted)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var existing = Convert.ToInt32(await Scalar(connection, $"SELECT count(*) FROM issues WHERE channel = '{Channel}'"), System.Globalization.CultureInfo.InvariantCulture);
        if (existing > wanted)
        {
            await Execute(connection, $"DELETE FROM issues WHERE id IN (SELECT id FROM issues WHERE channel = '{Channel}' ORDER BY id DESC LIMIT {existing - wanted})");
        }
        else if (existing < wanted)
        {
            await InsertAsync(connection, wanted - existing, existing);
        }

        if (existing != wanted)
        {
            // A live table is kept vacuumed and analysed by autovacuum; a freshly written one is not yet, and the
            // planner would guess from a table of a few hundred rows (and index-only scans would visit every row).
            await Execute(connection, "VACUUM (ANALYZE) issues");
        }

        return (wanted, clock.Elapsed);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, int missing, int offset)
    {
        // setseed makes the draws of random() below the same run after run (the points have their own seed).
        await Execute(connection, "SELECT setseed(0.311)");
        await using var insert = new NpgsqlCommand("""
            WITH ward_list AS (SELECT id, boundary FROM wards),
            categories AS (
                SELECT id, department_id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM service_categories
            ),
            points AS (
                SELECT w.id AS ward_id, (ST_Dump(ST_GeneratePoints(w.boundary, @per_ward, @seed))).geom AS location
                FROM ward_list w
            ),
            drawn AS (
                SELECT p.ward_id, p.location, @offset + row_number() OVER () AS n,
                       random() AS r_category, random() AS r_status, random() AS r_age, random() AS r_priority, random() AS r_votes, random() AS r_route
                FROM points p
                LIMIT @missing
            ),
            shaped AS (
                SELECT d.*, c.id AS category_id, c.department_id,
                       -- About two thirds finished, the rest spread over the open states (cumulative shares).
                       CASE
                           WHEN d.r_status < 0.40 THEN 'Closed'
                           WHEN d.r_status < 0.55 THEN 'Resolved'
                           WHEN d.r_status < 0.59 THEN 'Rejected'
                           WHEN d.r_status < 0.62 THEN 'ClosedNotFixed'
                           WHEN d.r_status < 0.74 THEN 'Received'
                           WHEN d.r_status < 0.80 THEN 'Triaged'
                           WHEN d.r_status < 0.88 THEN 'Assigned'
                           WHEN d.r_status < 0.98 THEN 'InProgress'
                           ELSE 'Reopened'
                       END AS status,
                       CASE
                           WHEN d.r_priority < 0.10 THEN 'Low'
                           WHEN d.r_priority < 0.80 THEN 'Normal'
                           WHEN d.r_priority < 0.95 THEN 'High'
                           ELSE 'Urgent'
                       END AS priority,
                       -- Up to two years back, most of them recent.
                       now() - make_interval(mins => (d.r_age * d.r_age * 730 * 24 * 60)::int) AS created_at
                FROM drawn d JOIN categories c ON c.k = (floor(d.r_category * c.total))::int
            )
            INSERT INTO issues (category_id, department_id, ward_id, priority, status, escalation_level, description, location, channel, locale,
                                attributes, vote_count, deadline, created_at, updated_at, resolved_at, closed_at, resolution_note, assigned_to, public_key)
            SELECT s.category_id,
                   -- A few new reports wait for triage with no department yet.
                   CASE WHEN s.status = 'Received' AND s.r_route < 0.2 THEN NULL ELSE s.department_id END,
                   s.ward_id, s.priority, s.status, 0,
                   'loadgen seeded report ' || s.n, s.location, @channel, 'en', '{}'::jsonb,
                   (floor(s.r_votes * s.r_votes * s.r_votes * 12))::int,
                   s.created_at + interval '72 hours', s.created_at,
                   CASE WHEN s.status IN ('Received') THEN s.created_at ELSE s.created_at + interval '1 day' END,
                   CASE WHEN s.status IN ('Resolved', 'Closed') THEN s.created_at + interval '2 days' END,
                   CASE WHEN s.status IN ('Closed', 'Rejected', 'ClosedNotFixed') THEN s.created_at + interval '3 days' END,
                   CASE WHEN s.status IN ('Resolved', 'Closed') THEN 'Fixed (seeded)' END,
                   CASE WHEN s.status IN ('Assigned', 'InProgress') THEN 'crew-' || (s.n % 40) END,
                   md5(s.n::text || @channel)
            FROM shaped s
            """, connection);
        var wards = Convert.ToInt32(await Scalar(connection, "SELECT count(*) FROM wards"), System.Globalization.CultureInfo.InvariantCulture);
        if (wards == 0)
        {
            throw new InvalidOperationException("--seed-reports needs the wards in the database (civic loadgen imports them)");
        }

        insert.Parameters.AddWithValue("per_ward", (missing / wards) + 1);
        insert.Parameters.AddWithValue("seed", 311 + offset);
        insert.Parameters.AddWithValue("offset", (long)offset);
        insert.Parameters.AddWithValue("missing", missing);
        insert.Parameters.AddWithValue("channel", Channel);
        insert.CommandTimeout = 900;
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        await command.ExecuteNonQueryAsync();
    }
}
