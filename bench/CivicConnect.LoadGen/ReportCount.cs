using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>How many reports the staff API worked over: the figure the target is stated for.</summary>
internal static class ReportCount
{
    public static async Task<long> InDatabaseAsync(string? connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM issues", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
