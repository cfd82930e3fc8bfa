using System.CommandLine;
using System.Globalization;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx query</c>: one read-only statement through the SafeExecutor. Refusals exit 2 with the reason, server errors
/// and an unreachable database exit 3.
/// </summary>
public static class QueryCommand
{
    public static Command Create(CliHost host)
    {
        var sql = new Option<string?>("--sql") { Description = "The SQL statement; '-' reads it from stdin" };
        var fileOption = new Option<string?>("--file", "-f") { Description = "Read the SQL statement from a file" };
        var maxRows = new Option<int>("--max-rows")
        {
            Description = "Rows shown at most; the output says when more exist",
            DefaultValueFactory = _ => 1000,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Statement timeout in seconds (fractions allowed)",
            DefaultValueFactory = _ => 30,
        };
        var format = OutputFormats.CreateOption();
        var command = new Command("query", "Run one read-only SQL statement: refused if it could change anything, rolled back, time- and row-capped")
        {
            sql, fileOption, maxRows, timeout, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rows = parse.GetValue(maxRows);
            if (rows is < 0 or > SafeExecutorOptions.MaxRowsLimit)
            {
                throw new CliException($"--max-rows {rows} is out of range; use 0..{SafeExecutorOptions.MaxRowsLimit}");
            }

            var seconds = parse.GetValue(timeout);
            if (!(seconds is >= 0.001 and <= 86_400))
            {
                throw new CliException($"--timeout {seconds.ToString(CultureInfo.InvariantCulture)} is out of range; use 0.001..86400 seconds");
            }

            var file = parse.GetValue(fileOption);
            var (text, source) = await ReadSqlAsync(host, parse.GetValue(sql), file, cancellationToken);

            // Decided before any connection (or shadow cluster) is opened: dbx query never writes.
            var classification = SqlClassifier.Classify(text);
            if (classification.Access != SqlAccess.Read)
            {
                var at = classification.Position is { } position ? $"{source}:{position}: " : string.Empty;
                var readOnly = classification.Access == SqlAccess.Write ? "; dbx query is read-only (writes go through the agent, with approval)" : string.Empty;
                throw new CliException($"{at}refused: {classification.Reason}{readOnly}");
            }

            await using var database = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
            var executor = new SafeExecutor(database, new SafeExecutorOptions { MaxRows = rows, StatementTimeout = TimeSpan.FromSeconds(seconds) });
            QueryResult result;
            try
            {
                result = await executor.ExecuteAsync(new QueryRequest(text), cancellationToken);
            }
            catch (QueryFailedException ex)
            {
                // The message carries the line and column already; name the file when the SQL came from one.
                var where = file is null ? string.Empty : $" in {source}";
                throw new CliException($"query failed{where}: {ex.Message}", ExitCodes.Runtime);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await host.Out.WriteLineAsync(result.ToJson().ToJsonString(OutputFormats.Json));
            }
            else
            {
                await host.Out.WriteAsync(QueryTable.Render(result));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The SQL and the name to use in positions: the file, <c>stdin</c>, or <c>sql</c> for <c>--sql</c>.</summary>
    private static async Task<(string Sql, string Source)> ReadSqlAsync(CliHost host, string? sql, string? file, CancellationToken cancellationToken)
    {
        if (sql is not null && file is not null)
        {
            throw new CliException("give the SQL once: either --sql or --file");
        }

        if (file is not null)
        {
            var path = Path.GetFullPath(file, host.WorkingDirectory);
            if (!File.Exists(path))
            {
                throw new CliException($"--file {file}: no such file");
            }

            return (await File.ReadAllTextAsync(path, cancellationToken), file);
        }

        return sql switch
        {
            null => throw new CliException("no SQL given: use --sql \"SELECT …\", --sql - to read it from stdin, or --file query.sql"),
            "-" => (await host.In.ReadToEndAsync(cancellationToken), "stdin"),
            _ => (sql, "sql"),
        };
    }
}
