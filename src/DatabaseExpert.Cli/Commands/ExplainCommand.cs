using System.CommandLine;
using System.Globalization;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx explain</c>: the plan of one statement as a tree with per-node time and rows, then the insights with their
/// fixes. Plain EXPLAIN by default; <c>--analyze</c> runs the statement in a transaction that is always rolled back.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliHost host)
    {
        var sql = new Option<string?>("--sql") { Description = "The statement to explain (one SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, TABLE or WITH)" };
        var file = new Option<string?>("--file", "-f") { Description = "Read the statement from a file ('-' = stdin)" };
        var analyze = new Option<bool>("--analyze") { Description = "EXPLAIN ANALYZE: run it (rolled back) for actual rows and times" };
        var buffers = new Option<bool>("--buffers") { Description = "Buffer hits/reads per node" };
        var settings = new Option<bool>("--settings") { Description = "List planner settings that differ from the defaults" };
        var verbose = new Option<bool>("--verbose") { Description = "Output columns and schema-qualified names" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A value for $1, $2, … in order (repeat); without values a statement with placeholders gets its generic plan",
            AllowMultipleArgumentsPerToken = false,
        };
        var set = new Option<string[]>("--set") { Description = "A planner setting for this EXPLAIN only, name=value (repeat), e.g. work_mem=64MB" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Statement timeout in seconds",
            DefaultValueFactory = _ => (int)ExplainRequest.DefaultTimeout.TotalSeconds,
        };
        var failOn = new Option<InsightSeverity?>("--fail-on")
        {
            Description = "Exit 1 when an insight is at or above this severity: info, warning or critical",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (Enum.TryParse<InsightSeverity>(token, ignoreCase: true, out var severity) && !int.TryParse(token, CultureInfo.InvariantCulture, out _))
                {
                    return severity;
                }

                result.AddError($"--fail-on '{token}' is not a severity; use info, warning or critical");
                return null;
            },
        };
        var format = OutputFormats.CreateOption();
        var command = new Command("explain", "Show a statement's plan as a tree with per-node time and rows, and insights with fixes")
        {
            sql, file, analyze, buffers, settings, verbose, parameters, set, timeout, failOn, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 86_400)
            {
                throw new CliException($"--timeout {seconds} is out of range; use 1..86400 seconds");
            }

            var request = new ExplainRequest(await ReadSqlAsync(host, parse.GetValue(sql), parse.GetValue(file), cancellationToken))
            {
                Analyze = parse.GetValue(analyze),
                Buffers = parse.GetValue(buffers),
                Settings = parse.GetValue(settings),
                Verbose = parse.GetValue(verbose),
                Parameters = parse.GetValue(parameters) is { Length: > 0 } values ? values : null,
                SessionSettings = ParseSettings(parse.GetValue(set) ?? []),
                Timeout = TimeSpan.FromSeconds(seconds),
            };

            await using var db = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
            ExplainResult result;
            try
            {
                result = await ExplainRunner.ExplainAsync(db, request with { AllowWrites = !db.Target.ReadOnly }, cancellationToken);
            }
            catch (ExplainException ex)
            {
                throw new CliException(ex.Message, ex.Kind == ExplainErrorKind.ServerError ? ExitCodes.Runtime : ExitCodes.Usage);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Out.WriteLine(ExplainJson.Create(result).ToJsonString(OutputFormats.Json));
            }
            else
            {
                ExplainTextRenderer.Render(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), result);
            }

            return parse.GetValue(failOn) is { } threshold && result.Insights.Any(i => i.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<string> ReadSqlAsync(CliHost host, string? sql, string? file, CancellationToken cancellationToken)
    {
        if (sql is not null && file is not null)
        {
            throw new CliException("give the statement either with --sql or with --file, not both");
        }

        if (file is null)
        {
            return sql ?? throw new CliException("no statement given: pass --sql \"select …\" or --file query.sql");
        }

        if (file == "-")
        {
            return await host.In.ReadToEndAsync(cancellationToken);
        }

        var path = Path.GetFullPath(file, host.WorkingDirectory);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--file {file}: cannot read {path}: {ex.Message}");
        }
    }

    private static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"--set '{pair}' is not name=value; for example --set work_mem=64MB");
            }

            settings[pair[..equals].Trim().ToLower(CultureInfo.InvariantCulture)] = pair[(equals + 1)..].Trim();
        }

        return settings;
    }
}
