using DatabaseExpert.Postgres.Safety.Internal;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Safety;

/// <summary>The second line of defence: even text the classifier let through reaches the server as one statement.</summary>
public sealed class ExtendedProtocolTests(SafetyDatabase database) : IClassFixture<SafetyDatabase>
{
    [Fact]
    public async Task The_server_refuses_a_second_statement()
    {
        await using var connection = await database.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => StatementRunner.RunAsync(
            connection, transaction, "SELECT 1; DELETE FROM victim", 10, TimeSpan.FromSeconds(10), write: false, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.SyntaxError, error.SqlState);
        Assert.Contains("cannot insert multiple commands into a prepared statement", error.MessageText, StringComparison.Ordinal);
        await transaction.RollbackAsync();
        Assert.Equal(3L, await database.Database.ScalarAsync<long>("SELECT count(*) FROM victim"));
    }

    [Fact]
    public async Task Without_a_parameter_Npgsql_itself_would_split_the_text()
    {
        // Why StatementRunner always binds one parameter: a parameterless command is cut at semicolons by Npgsql and
        // every piece runs. If this ever fails, Npgsql changed and the comment in StatementRunner must be revisited.
        await using var connection = await database.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT 1; SELECT 2", connection);
        await using var reader = await command.ExecuteReaderAsync();

        var results = 0;
        do
        {
            results++;
        }
        while (await reader.NextResultAsync());

        Assert.Equal(2, results);
    }

    [Theory]
    [InlineData("SHOW work_mem")]
    [InlineData("EXPLAIN SELECT 1")]
    [InlineData("SELECT * FROM (\nVALUES (1), (2)\n) AS q LIMIT $1")]
    public async Task Statements_accept_the_declared_parameter(string sql)
    {
        await using var connection = await database.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var (columns, rows, _, _) = await StatementRunner.RunAsync(connection, transaction, sql, 10, TimeSpan.FromSeconds(10), write: false, CancellationToken.None);

        Assert.Single(columns);
        Assert.NotEmpty(rows);
    }
}
