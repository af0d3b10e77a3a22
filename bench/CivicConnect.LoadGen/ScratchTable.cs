using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>loadgen_scratch</c>, the table pgbench's one-row inserts go to, created fresh for the run on
/// the server's database and dropped at the end.
/// </summary>
internal sealed class ScratchTable : IAsyncDisposable
{
    private readonly string connectionString;

    private ScratchTable(string connectionString) => this.connectionString = connectionString;

    public static async Task<ScratchTable> CreateAsync(string connectionString)
    {
        await ExecuteAsync(connectionString, """
            DROP TABLE IF EXISTS loadgen_scratch;
            CREATE TABLE loadgen_scratch (id bigserial PRIMARY KEY, sender text NOT NULL, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())
            """);
        return new ScratchTable(connectionString);
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync(connectionString, "DROP TABLE IF EXISTS loadgen_scratch");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
