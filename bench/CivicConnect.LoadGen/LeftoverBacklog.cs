using System.Globalization;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>
/// Messages an earlier run left unanswered in the bench database (a run stopped midway, or a paused run whose
/// drain gave up). The server works its inbox oldest first, so they would be answered before this run's own
/// messages and every reply judge would time out on them: a run starts by closing them (processed, with a
/// note), and says how many there were. Only ever on the load generator's own database.
/// </summary>
internal static class LeftoverBacklog
{
    /// <summary>The database <c>civic loadgen</c> prepares; no other is touched.</summary>
    private const string BenchDatabase = "civic_loadgen";

    public static async Task SettleAsync(string connectionString)
    {
        if (new NpgsqlConnectionStringBuilder(connectionString).Database != BenchDatabase)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE inbox_messages SET processed_at = now(), last_error = 'left unanswered by an earlier load-generator run'
            WHERE processed_at IS NULL
            """, connection);
        var settled = await command.ExecuteNonQueryAsync();
        if (settled > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settled} messages left unanswered by an earlier run were closed before this one"));
        }
    }
}
