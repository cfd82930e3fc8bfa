using System.CommandLine;
using System.Text.Json.Nodes;
using DatabaseExpert.Cli.Doctor;
using DatabaseExpert.Cli.Output;
using Spectre.Console;

namespace DatabaseExpert.Cli.Commands;

/// <summary><c>dbx doctor</c>: one line per dependency, ok / warn / fail, each problem with its fix. Exit 1 when any fails.</summary>
public static class DoctorCommand
{
    public static Command Create(CliHost host)
    {
        var format = OutputFormats.CreateOption();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds allowed for each network check (context7, database)",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("doctor", "Check the environment: PostgreSQL, hypopg, node, model, context7, database") { format, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 60)
            {
                throw new CliException($"--timeout {seconds} is out of range; use 1..60 seconds");
            }

            var checks = await new EnvironmentChecks(host, TimeSpan.FromSeconds(seconds))
                .RunAsync(parse.GetValue(GlobalOptions.Config), parse.GetValue(GlobalOptions.Database), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var json = new JsonObject
                {
                    ["checks"] = new JsonArray(checks.Select(c => (JsonNode?)new JsonObject
                    {
                        ["check"] = c.Name,
                        ["status"] = c.Status.ToString().ToLowerInvariant(),
                        ["detail"] = c.Detail,
                        ["fix"] = c.Fix,
                    }).ToArray()),
                };
                host.Out.WriteLine(json.ToJsonString(OutputFormats.Json));
            }
            else
            {
                Render(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), checks);
            }

            return checks.Any(c => c.Status == CheckStatus.Fail) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<DoctorCheck> checks)
    {
        var width = checks.Max(c => c.Name.Length) + 2;
        foreach (var check in checks)
        {
            var (label, color) = check.Status switch
            {
                CheckStatus.Ok => ("ok  ", "green"),
                CheckStatus.Warn => ("warn", "yellow"),
                _ => ("fail", "red"),
            };
            console.MarkupLine($"[{color}]{label}[/]  [bold]{Markup.Escape(check.Name.PadRight(width))}[/]{Markup.Escape(check.Detail)}");
            if (check.Fix is not null)
            {
                console.MarkupLine($"      {new string(' ', width)}[grey]fix: {Markup.Escape(check.Fix)}[/]");
            }
        }

        var failed = checks.Count(c => c.Status == CheckStatus.Fail);
        var warned = checks.Count(c => c.Status == CheckStatus.Warn);
        console.MarkupLine(failed == 0
            ? $"[green]dbx is ready[/]{(warned > 0 ? $" [grey]({warned} warning(s): optional features)[/]" : string.Empty)}"
            : $"[red]{failed} check(s) failed[/]; fix them before relying on the features they name");
    }
}
