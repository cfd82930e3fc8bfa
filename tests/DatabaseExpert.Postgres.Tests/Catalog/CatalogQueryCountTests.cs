using System.Text;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>
/// The reader's cost must not grow with the schema: counted by the server (pg_stat_statements), the statements sent
/// for 3 tables and for 150 tables are the same few.
/// </summary>
public sealed class CatalogQueryCountTests
{
    [Fact]
    public async Task The_number_of_statements_does_not_depend_on_the_number_of_tables()
    {
        await using var counter = await PostgresServer.CreateDatabaseAsync("qcount");
        await counter.CreatePgStatStatementsAsync();
        await using var small = await PostgresServer.CreateDatabaseAsync("qcount_small");
        await small.ExecuteAsync(Tables(3));
        await using var large = await PostgresServer.CreateDatabaseAsync("qcount_large");
        await large.ExecuteAsync(Tables(150));

        var forSmall = await CountStatementsAsync(counter, small);
        var forLarge = await CountStatementsAsync(counter, large);

        Assert.Equal(forSmall, forLarge);
        var snapshot = await CatalogTestData.ReadAsync(large);
        Assert.Equal(150, snapshot.Tables.Count);
        Assert.Equal(snapshot.Queries, forLarge.Selects);
        Assert.True(forLarge.Selects <= 12, $"{forLarge.Selects} catalog queries");
        // BEGIN and the SET LOCALs of the transaction, and its ROLLBACK, are the only other statements.
        Assert.Equal(forLarge.Selects + 7, forLarge.All);
    }

    /// <summary>Statements the server ran in <paramref name="database"/> during one catalog read.</summary>
    private static async Task<(long All, long Selects)> CountStatementsAsync(TestDatabase counter, TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        var before = await StatementsAsync(counter, database.Name);
        await DatabaseExpert.Postgres.Catalog.CatalogReader.ReadAsync(connection);
        var after = await StatementsAsync(counter, database.Name);
        return (after.All - before.All, after.Selects - before.Selects);
    }

    private static async Task<(long All, long Selects)> StatementsAsync(TestDatabase counter, string database)
    {
        // DISCARD ALL is the driver resetting a pooled connection before its first command, not the reader's doing.
        var filter = $"from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '{database}' and s.query <> 'DISCARD ALL'";
        var all = await counter.ScalarAsync<decimal?>($"select sum(calls) {filter}") ?? 0;
        var selects = await counter.ScalarAsync<decimal?>($"select sum(calls) {filter} and s.query ilike 'select%'") ?? 0;
        return ((long)all, (long)selects);
    }

    private static string Tables(int count)
    {
        var sql = new StringBuilder("create table t0 (id bigint generated always as identity primary key, name text not null);");
        for (var i = 1; i < count; i++)
        {
            sql.Append($"create table t{i} (id bigint generated always as identity primary key, parent_id bigint references t{i - 1} (id), name text not null default '', created_at timestamptz);")
                .Append($"create index t{i}_parent_id_idx on t{i} (parent_id);");
        }

        return sql.ToString();
    }
}
