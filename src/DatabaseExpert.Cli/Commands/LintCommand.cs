using System.CommandLine;
using System.Text.Json.Nodes;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Sources;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx lint PATH…</c>: static migration safety rules over .sql files and migration folders (Drizzle journals in
/// order). Exit 1 when a finding is at or above <c>--fail-on</c>. With <c>--db</c>, column types and function
/// volatility come from that database's catalog, and its version is the default target.
/// </summary>
public static class LintCommand
{
    private const int SqlExcerptLines = 4;
    private const int RewriteLines = 12;

    public static Command Create(CliHost host)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Migration files or folders (a Drizzle project or its migrations folder, or any folder of .sql files)",
            Arity = ArgumentArity.OneOrMore,
        };
        var pgVersion = new Option<int?>("--pg-version")
        {
            Description = "Target PostgreSQL major version (default: pgVersion in .dbx.yaml, else the --db server's, else 15)",
        };
        var format = OutputFormats.CreateOption();
        var failOn = FailOnOption.Create(Severity.Info);
        var assumeInTransaction = new Option<bool>("--assume-in-transaction")
        {
            Description = "Treat every file as run inside a transaction by its migration tool (Drizzle folders always are)",
        };
        var command = new Command("lint", "Check migrations for unsafe locks, rewrites and breaking changes, without a database")
        {
            paths, pgVersion, format, failOn, assumeInTransaction,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) ?? [];
            var version = parse.GetValue(pgVersion);
            if (version is < 9 or > 30)
            {
                throw new CliException($"--pg-version {version} is not a PostgreSQL major version; use e.g. --pg-version 15");
            }

            LintConfig config;
            MigrationSet set;
            try
            {
                set = MigrationSources.Read(
                    [.. given.Select(p => Path.GetFullPath(p, host.WorkingDirectory))],
                    new MigrationSourceOptions { DisplayRoot = host.WorkingDirectory });
                config = LintConfigLoader.Discover(Path.GetFullPath(given[0], host.WorkingDirectory));
            }
            catch (Exception ex) when (ex is LintConfigException or MigrationSourceException)
            {
                throw new CliException(ex.Message);
            }

            var types = await LoadServerTypesAsync(host, parse, cancellationToken);
            var options = new LintOptions
            {
                PgVersion = version ?? (config.PgVersion is null ? types?.MajorVersion : null),
                AssumeInTransaction = parse.GetValue(assumeInTransaction) ? true : null,
                Types = types,
                Config = config,
                Time = host.Time,
            };
            var result = MigrationLinter.Lint(set, options);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Out.WriteLine(Json(result).ToJsonString(OutputFormats.Json));
            }
            else
            {
                WriteText(host.Out, host.SupportsAnsi && !parse.GetValue(GlobalOptions.NoColor), result, config, types);
            }

            return result.HasFindingsAtOrAbove(parse.GetValue(failOn)) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }


    /// <summary>Catalog knowledge from <c>--db</c> when it is given; lint never connects on its own.</summary>
    private static async Task<ServerTypeInfo?> LoadServerTypesAsync(CliHost host, ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(GlobalOptions.Database) is null)
        {
            return null;
        }

        await using var database = await DatabaseOption.OpenAsync(host, parse, cancellationToken);
        try
        {
            return await ServerTypeInfo.LoadAsync(database.DataSource, cancellationToken);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new CliException($"cannot read the catalog of {database.Target.Display}: {ex.Message}", ExitCodes.Runtime);
        }
    }

    private static JsonObject Json(LintResult result) => new()
    {
        ["findings"] = new JsonArray([.. result.Findings.Select(f => (JsonNode)JsonReporter.FindingJson(f))]),
        ["summary"] = new JsonObject
        {
            ["files"] = result.Summary.Files,
            ["statements"] = result.Summary.Statements,
            ["errors"] = result.Summary.Errors,
            ["warnings"] = result.Summary.Warnings,
            ["infos"] = result.Summary.Infos,
            ["notAnalysed"] = result.Summary.NotAnalysed,
            ["durationMs"] = result.Summary.DurationMs,
            ["pgVersion"] = result.Summary.PgVersion,
        },
        ["notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode)new JsonObject
        {
            ["severity"] = Name(n.Severity),
            ["file"] = n.File,
            ["message"] = n.Message,
        })]),
    };

    // Plain lines (no wrapping: editors and CI parse `file:line:col`), with ANSI colours only on a terminal that wants them.
    private static void WriteText(TextWriter output, bool color, LintResult result, LintConfig config, ServerTypeInfo? types)
    {
        string Paint(string text, string code) => color ? $"\e[{code}m{text}\e[0m" : text;
        foreach (var note in result.Notes)
        {
            output.WriteLine(Paint(note.File is null ? note.Message : $"{note.File}: {note.Message}", "90"));
        }

        foreach (var file in result.Findings.GroupBy(f => f.File))
        {
            output.WriteLine(Paint(file.Key, "1;4"));
            foreach (var finding in file)
            {
                output.WriteLine($"{finding.File}:{finding.Line}:{finding.Column} {Paint(Name(finding.Severity), Color(finding.Severity))} "
                    + $"{Paint(finding.Rule, "1")} {finding.Message}");
                output.WriteLine($"  {Paint("help:", "90")} {finding.Help}");
                Excerpt(output, $"  {Paint("|", "90")} ", finding.Sql, FromLine(finding), SqlExcerptLines);
                if (finding.SafeRewrite is { } rewrite)
                {
                    output.WriteLine($"  {Paint("safe rewrite:", "32")}");
                    Excerpt(output, $"  {Paint("|", "32")} ", rewrite, 0, RewriteLines);
                }
            }

            output.WriteLine();
        }

        var summary = result.Summary;
        var verdict = $"{Count(summary.Files, "file")}, {Count(summary.Statements, "statement")}: {Count(summary.Errors, "error")}, "
            + $"{Count(summary.Warnings, "warning")}, {Count(summary.Infos, "info")}"
            + (summary.NotAnalysed > 0 ? $" ({summary.NotAnalysed} not analysed)" : string.Empty)
            + $" — PostgreSQL {summary.PgVersion}{(types is null ? string.Empty : $", types from {types.Source}")}"
            + $"{(config.Source is null ? string.Empty : $", config {config.Source}")}, {summary.DurationMs} ms";
        output.WriteLine(summary.Errors > 0 ? Paint(verdict, "31") : verdict);
    }

    /// <summary>The line of the statement the finding is on, so a column's finding shows that column, not the CREATE TABLE head.</summary>
    private static int FromLine(Finding finding)
    {
        if (finding.Sql is null || finding.EndLine is not { } end)
        {
            return 0;
        }

        var start = end - finding.Sql.ReplaceLineEndings("\n").Split('\n').Length + 1;
        return Math.Max(0, finding.Line - start);
    }

    private static void Excerpt(TextWriter output, string prefix, string? sql, int from, int limit)
    {
        if (sql is null)
        {
            return;
        }

        var lines = sql.ReplaceLineEndings("\n").Split('\n')[from..];
        foreach (var line in lines.Take(limit))
        {
            output.WriteLine(prefix + line);
        }

        if (lines.Length > limit)
        {
            output.WriteLine($"{prefix}… {Count(lines.Length - limit, "more line")}");
        }
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Color(Severity severity) => severity switch
    {
        Severity.Error => "31",
        Severity.Warning => "33",
        _ => "34",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
