using System.CommandLine;
using System.Text.Json;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Postgres.Advisor;
using Spectre.Console;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx advise</c>: index recommendations for a workload (a SQL file, or pg_stat_statements), costed with hypothetical
/// indexes; <c>--verify</c> times the helped queries with the indexes built in a rolled-back transaction.
/// </summary>
public static class AdviseCommand
{
    public static Command Create(CliHost host)
    {
        var workload = new Option<string?>("--workload")
        {
            Description = "SQL file with the queries to advise on, separated by ';' (default: the database's pg_stat_statements)",
        };
        var top = new Option<int>("--top")
        {
            Description = "pg_stat_statements: how many statements to take, by total execution time",
            DefaultValueFactory = _ => 20,
        };
        var budget = new Option<double?>("--budget-mb") { Description = "Total size the recommended indexes may take, in MB (default: no limit)" };
        var verify = new Option<bool>("--verify")
        {
            Description = "Build the indexes in a transaction that is rolled back and time the helped queries (EXPLAIN ANALYZE, median of 3)",
        };
        var allowWrites = new Option<bool>("--allow-writes")
        {
            Description = "Allow --verify on a read-only database (the index builds block writes to their tables while they run)",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds allowed for each statement (an EXPLAIN, an index build, a timed query)",
            DefaultValueFactory = _ => 30,
        };
        var format = OutputFormats.CreateOption();
        var command = new Command("advise", "Recommend indexes for a workload: candidates from its plans, costed as hypothetical indexes (hypopg)")
        {
            workload, top, budget, verify, allowWrites, timeout, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = BuildRequest(host, parse, workload, top, budget, verify, allowWrites, timeout);
            await using var database = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
            AdviseResult result;
            try
            {
                result = await IndexAdvisor.AdviseAsync(database, request, cancellationToken);
            }
            catch (AdvisorException ex)
            {
                throw new CliException(ex.Message, ex.IsUsageError ? ExitCodes.Usage : ExitCodes.Runtime);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Out.WriteLine(JsonSerializer.Serialize(result, OutputFormats.Json));
            }
            else
            {
                Render(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static AdviseRequest BuildRequest(
        CliHost host, ParseResult parse, Option<string?> workload, Option<int> top, Option<double?> budget, Option<bool> verify,
        Option<bool> allowWrites, Option<int> timeout)
    {
        var seconds = parse.GetValue(timeout);
        if (seconds is < 1 or > 86_400)
        {
            throw new CliException($"--timeout {seconds} is out of range; use 1..86400 seconds");
        }

        if (parse.GetValue(budget) is <= 0)
        {
            throw new CliException($"--budget-mb {parse.GetValue(budget)} must be more than 0");
        }

        if (parse.GetValue(allowWrites) && !parse.GetValue(verify))
        {
            throw new CliException("--allow-writes only matters with --verify; add --verify or drop --allow-writes");
        }

        AdviseRequest request;
        if (parse.GetValue(workload) is { } file)
        {
            if (parse.GetResult(top) is { Implicit: false })
            {
                throw new CliException("--top applies to pg_stat_statements; with --workload every statement of the file is used");
            }

            var path = Path.GetFullPath(file, host.WorkingDirectory);
            if (!File.Exists(path))
            {
                throw new CliException($"--workload {file}: no such file");
            }

            request = AdviseRequest.FromWorkload(File.ReadAllText(path), file);
        }
        else
        {
            var count = parse.GetValue(top);
            request = count is >= 1 and <= 1000 ? AdviseRequest.FromStatStatements(count) : throw new CliException($"--top {count} is out of range; use 1..1000");
        }

        return request with
        {
            BudgetBytes = parse.GetValue(budget) is { } mb ? (long)(mb * 1024 * 1024) : null,
            Verify = parse.GetValue(verify),
            AllowWrites = parse.GetValue(allowWrites),
            StatementTimeout = TimeSpan.FromSeconds(seconds),
            TimeProvider = host.Time,
        };
    }

    /// <summary>The model text, with the statements to run and the section headings picked out.</summary>
    private static void Render(IAnsiConsole console, AdviseResult result)
    {
        foreach (var line in result.ToModelText().Split('\n'))
        {
            var text = Markup.Escape(line.TrimEnd('\r'));
            var style = line.Contains(". CREATE INDEX", StringComparison.Ordinal) ? "bold"
                : line.StartsWith("Not costed", StringComparison.Ordinal) || line.StartsWith("Verification not", StringComparison.Ordinal) ? "yellow"
                : line.StartsWith("Verified", StringComparison.Ordinal) ? "green"
                : null;
            console.MarkupLine(style is null ? text : $"[{style}]{text}[/]");
        }
    }
}
