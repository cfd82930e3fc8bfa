using DatabaseExpert.Postgres.Advisor.Internal.Sql;
using DatabaseExpert.Postgres.Advisor.Internal.WhatIf;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Workload;

/// <summary>
/// The workload as pg_stat_statements recorded it for this database: statements by total execution time, each
/// weighted by its calls. Texts are normalised (<c>$n</c> for constants), so they are costed with generic plans.
/// </summary>
internal static class StatStatementsWorkload
{
    public const string SourceName = "pg_stat_statements";

    /// <summary>More rows than asked for are read: statements that turn out not to touch a user table are passed over.</summary>
    private const int MaxRows = 1000;

    public static async Task<Workload> LoadAsync(
        NpgsqlConnection connection, ServerInfo server, CancellationToken cancellationToken)
    {
        if (server.StatStatementsSchema is not { } schema)
        {
            throw server.StatStatementsAvailable
                ? new AdvisorException(
                    AdvisorErrorKind.StatStatementsNotCreated,
                    $"pg_stat_statements is not created in database \"{server.Database}\": run CREATE EXTENSION pg_stat_statements; there "
                    + "(it also has to be in shared_preload_libraries), or pass --workload FILE with the queries to advise on")
                : new AdvisorException(
                    AdvisorErrorKind.StatStatementsUnavailable,
                    $"pg_stat_statements is not installed on this PostgreSQL {server.MajorVersion} server: install the contrib package, add it "
                    + "to shared_preload_libraries, restart, CREATE EXTENSION pg_stat_statements; or pass --workload FILE");
        }

        var (total, mean) = server.VersionNumber >= 130000 ? ("total_exec_time", "mean_exec_time") : ("total_time", "mean_time");
        var toplevel = server.VersionNumber >= 140000 ? "and s.toplevel" : string.Empty;
        var sql = $"""
            select s.queryid, s.query, s.calls, s.{mean}
            from {SqlNames.Quote(schema)}.pg_stat_statements s
            where s.dbid = (select oid from pg_database where datname = current_database()) and s.calls > 0 {toplevel}
            order by s.{total} desc, s.queryid
            limit {MaxRows}
            """;
        var queries = new List<WorkloadQuery>();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = $"{SourceName} queryid {reader.GetInt64(0)}";
                var text = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                var calls = reader.GetInt64(2);
                var statements = WorkloadScript.Parse(text).Statements;
                var statement = statements.Count == 1 ? statements[0] : null;
                if (statement is null || WorkloadFilter.ReasonToSkip(statement) is not null)
                {
                    // Utility statements (SET, BEGIN, EXPLAIN, …) are not part of the query workload; no need to list them.
                    continue;
                }

                queries.Add(new WorkloadQuery(statement.Text, source, calls, calls, reader.GetDouble(3), statement.ParameterCount));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            throw new AdvisorException(
                AdvisorErrorKind.StatStatementsUnavailable,
                $"pg_stat_statements cannot be read: {ex.MessageText}; add it to shared_preload_libraries and restart the server, "
                + "or pass --workload FILE");
        }

        return new Workload(SourceName, queries, []);
    }
}
