using System.Data;
using System.Globalization;
using Dapper;
using DatabaseExpert.Postgres.Catalog.Internal.Queries;
using Npgsql;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>Runs the catalog queries as one batch in one read-only snapshot.</summary>
internal static class CatalogQueries
{
    public static async Task<CatalogRows> RunAsync(
        NpgsqlConnection connection, ServerFeatures features, CatalogOptions options, CancellationToken cancellationToken)
    {
        string[] queries =
        [
            SchemasQuery.Sql(), ExtensionsQuery.Sql(), TypesQuery.Sql(), TablesQuery.Sql(), ColumnsQuery.Sql(),
            ConstraintsQuery.Sql(features), IndexesQuery.Sql(features), ViewsQuery.Sql(), SequencesQuery.Sql(),
            TriggersQuery.Sql(features), FunctionsQuery.Sql(), LookupsQuery.Sql(),
        ];
        var statementTimeout = Milliseconds(options.StatementTimeout);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        try
        {
            // search_path = pg_catalog makes every pg_get_* and format_type result schema-qualify user objects, so
            // the DDL replays the same whatever search_path the target has. The catalog queries are fast, but their
            // cost estimates are high enough to trigger JIT compilation, which alone took ~150 ms per read.
            await using (var settings = new NpgsqlCommand(
                $"set transaction read only; set local statement_timeout = {statementTimeout}; "
                + $"set local lock_timeout = {Milliseconds(options.LockTimeout)}; set local search_path = pg_catalog; set local jit = off",
                connection,
                transaction))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            var command = new CommandDefinition(
                string.Join(";\n", queries),
                new { include = options.Schemas.ToArray(), exclude = options.ExcludeSchemas.ToArray() },
                transaction,
                commandTimeout: (int)Math.Ceiling(options.StatementTimeout.TotalSeconds * queries.Length) + 5,
                cancellationToken: cancellationToken);
            await using var grid = await connection.QueryMultipleAsync(command);
            var rows = new CatalogRows(
                [.. await grid.ReadAsync<SchemaRow>()],
                [.. await grid.ReadAsync<ExtensionRow>()],
                [.. await grid.ReadAsync<TypeRow>()],
                [.. await grid.ReadAsync<TableRow>()],
                [.. await grid.ReadAsync<ColumnRow>()],
                [.. await grid.ReadAsync<ConstraintRow>()],
                [.. await grid.ReadAsync<IndexRow>()],
                [.. await grid.ReadAsync<ViewRow>()],
                [.. await grid.ReadAsync<SequenceRow>()],
                [.. await grid.ReadAsync<TriggerRow>()],
                [.. await grid.ReadAsync<FunctionRow>()],
                [.. await grid.ReadAsync<LookupRow>()],
                queries.Length);
            await transaction.RollbackAsync(cancellationToken);
            return rows;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable)
        {
            var what = e.SqlState == PostgresErrorCodes.QueryCanceled
                ? $"took longer than statement_timeout ({options.StatementTimeout.TotalSeconds:0.#} s)"
                : $"waited longer than lock_timeout ({options.LockTimeout.TotalSeconds:0.#} s) for a lock another session holds (a migration?)";
            throw new CatalogException(
                $"reading the catalog {what}; retry later, narrow it with a schema or table filter, or raise the timeout",
                CatalogErrorKind.Timeout,
                e);
        }
    }

    private static string Milliseconds(TimeSpan value) =>
        ((long)Math.Max(1, value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
