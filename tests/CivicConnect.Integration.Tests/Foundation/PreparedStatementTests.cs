using CivicConnect.Data;
using CivicConnect.Integration.Tests.Infrastructure;
using Npgsql;

namespace CivicConnect.Integration.Tests.Foundation;

/// <summary>
/// The node's data source prepares a statement it runs again (issue 15): PostgreSQL then holds it in
/// pg_prepared_statements for the connection, and answers it as before. A connection string that names
/// the setting keeps its own.
/// </summary>
public sealed class PreparedStatementTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Statement = "SELECT count(*) FROM wards WHERE code <> $1";

    [Fact]
    public async Task AStatementRunAgain_IsPreparedOnTheConnection_AndAnswersAsBefore()
    {
        await using var dataSource = DataServiceCollectionExtensions.BuildDataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        var answers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await CountAsync(connection));
        }

        Assert.Equal(14, answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.True(await PreparedAsync(connection) >= 1, "the repeated statement is not among the connection's prepared statements");
    }

    [Fact]
    public async Task AConnectionStringThatTurnsItOff_PreparesNothing()
    {
        var off = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var dataSource = DataServiceCollectionExtensions.BuildDataSource(off);
        await using var connection = await dataSource.OpenConnectionAsync();

        for (var i = 0; i < 3; i++)
        {
            await CountAsync(connection);
        }

        Assert.Equal(0, await PreparedAsync(connection));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(Statement, connection) { Parameters = { new() { Value = "none" } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> PreparedAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM wards WHERE code <>%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
