using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Postgres.Health;
using Spectre.Console;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx health</c>: runs the database health checks and prints each problem with its fix. Exit 1 when a check is at or
/// above <c>--fail-on</c> (default critical), so it can gate a deploy or page someone from cron.
/// </summary>
public static class HealthCommand
{
    private const string Never = "never";
    private const string MessageIndent = "            ";
    private static readonly string[] FailOnValues = ["warning", "critical", Never];

    public static Command Create(CliHost host)
    {
        var format = OutputFormats.CreateOption();
        var checks = new Option<string[]>("--check")
        {
            Description = $"Run only these checks (repeat or comma-separate): {string.Join(", ", HealthChecker.Checks.Select(c => c.Id))}",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "id",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a check's status is at or above this: warning, critical (default) or never",
            DefaultValueFactory = _ => "critical",
            HelpName = "warning|critical|never",
        };
        failOn.AcceptOnlyFromAmong(FailOnValues);
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds each check may run before it is reported as timed out",
            DefaultValueFactory = _ => (int)HealthRequest.DefaultCheckTimeout.TotalSeconds,
        };
        var command = new Command(
            "health",
            "Check a database: unused, duplicate, redundant and invalid indexes, unindexed foreign keys, missing primary keys, bloat, "
            + "sequences, wraparound, cache, sessions, connections, vacuum, replication, N+1 queries")
        {
            checks, format, failOn, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = SelectedChecks(parse.GetValue(checks) ?? []);
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 3600)
            {
                throw new CliException($"--timeout {seconds} is out of range; use 1..3600 seconds");
            }

            await using var database = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
            var report = await HealthChecker.RunAsync(
                database, new HealthRequest { Checks = ids, CheckTimeout = TimeSpan.FromSeconds(seconds) }, cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await host.Out.WriteLineAsync(ToJson(report).ToJsonString(OutputFormats.Json));
            }
            else
            {
                Render(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), report);
            }

            var threshold = parse.GetValue(failOn);
            var failing = threshold switch
            {
                "warning" => report.Status >= HealthStatus.Warning,
                "critical" => report.Status >= HealthStatus.Critical,
                _ => false,
            };
            return failing ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static string[] SelectedChecks(string[] values)
    {
        var ids = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var known = HealthChecker.Checks.Select(c => c.Id).ToList();
        foreach (var id in ids.Where(id => !known.Contains(id, StringComparer.Ordinal)))
        {
            var near = known.FirstOrDefault(k => k.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(k, StringComparison.OrdinalIgnoreCase));
            throw new CliException(
                $"--check '{id}' is not a health check{(near is null ? string.Empty : $" (did you mean '{near}'?)")}; known checks: {string.Join(", ", known)}");
        }

        return ids;
    }

    /// <summary>DESIGN.md's health shape: <c>{"checks":[{"check","status","findings":[…]}]}</c>, plus the report's context and summary.</summary>
    public static JsonObject ToJson(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        return new JsonObject
        {
            ["database"] = report.Database,
            ["serverVersion"] = report.ServerVersion,
            ["status"] = HealthReport.Label(report.Status),
            ["summary"] = new JsonObject
            {
                ["checks"] = summary.Checks,
                ["ok"] = summary.Ok,
                ["warning"] = summary.Warning,
                ["critical"] = summary.Critical,
                ["findings"] = summary.Findings,
            },
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)new JsonObject
            {
                ["check"] = c.Check,
                ["title"] = c.Title,
                ["status"] = HealthReport.Label(c.Status),
                ["summary"] = c.Summary,
                ["durationMs"] = (long)c.Duration.TotalMilliseconds,
                ["findings"] = new JsonArray([.. c.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["object"] = f.Object,
                    ["severity"] = HealthReport.Label(f.Severity),
                    ["message"] = f.Message,
                    ["fix"] = f.Fix,
                    ["details"] = JsonSerializer.SerializeToNode(f.Details, OutputFormats.Json),
                })]),
            })]),
        };
    }

    private static void Render(IAnsiConsole console, HealthReport report)
    {
        var summary = report.Summary;
        console.MarkupLine(
            $"[bold]{Markup.Escape(report.Database)}[/] (PostgreSQL {Markup.Escape(report.ServerVersion)}): {Status(report.Status, padded: false)}  "
            + $"[grey]{summary.Checks} checks: {summary.Ok} ok, {summary.Warning} warning, {summary.Critical} critical[/]");

        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Check.Length);
        foreach (var check in report.Checks.Where(c => c.Findings.Count > 0).OrderByDescending(c => c.Status))
        {
            console.WriteLine();
            console.MarkupLine($"{Status(check.Status)}  [bold]{Markup.Escape(check.Check)}[/]  {Markup.Escape(check.Title)}");
            console.MarkupLine($"          [grey]{Markup.Escape(check.Summary)}[/]");
            foreach (var finding in check.Findings)
            {
                console.MarkupLine($"  {Severity(finding.Severity)}  [bold]{Markup.Escape(finding.Object)}[/]");
                foreach (var line in Wrap(finding.Message, console.Profile.Width - MessageIndent.Length))
                {
                    console.MarkupLine(MessageIndent + Markup.Escape(line));
                }
                if (finding.Fix is not null)
                {
                    var lines = finding.Fix.ReplaceLineEndings("\n").Split('\n');
                    console.MarkupLine($"            [cyan]fix:[/] {Markup.Escape(lines[0])}");
                    foreach (var line in lines.Skip(1))
                    {
                        console.MarkupLine($"                 {Markup.Escape(line)}");
                    }
                }
            }
        }

        var quiet = report.Checks.Where(c => c.Findings.Count == 0).ToList();
        if (quiet.Count > 0)
        {
            console.WriteLine();
            foreach (var check in quiet)
            {
                console.MarkupLine($"{Status(check.Status)}  {Markup.Escape(check.Check.PadRight(width))}  [grey]{Markup.Escape(check.Summary)}[/]");
            }
        }
    }

    /// <summary>Word-wraps so that long messages continue under themselves instead of at the left margin.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Math.Max(20, width))
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        yield return line.ToString();
    }

    private static string Status(HealthStatus status, bool padded = true) => status switch
    {
        HealthStatus.Critical => Colored("critical", "red", padded),
        HealthStatus.Warning => Colored("warning", "yellow", padded),
        _ => Colored("ok", "green", padded),
    };

    private static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => Colored("critical", "red", padded: true),
        FindingSeverity.Warning => Colored("warning", "yellow", padded: true),
        _ => Colored("info", "blue", padded: true),
    };

    private static string Colored(string label, string color, bool padded) =>
        $"[{color}]{label}[/]" + (padded ? new string(' ', "critical".Length - label.Length) : string.Empty);
}
