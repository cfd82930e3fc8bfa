using System.CommandLine;
using DatabaseExpert.Cli.Output;
using DatabaseExpert.Cli.Trace;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Shadow;
using Npgsql;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx trace PATH…</c>: runs migrations statement by statement on a shadow cluster (or, with consent, inside a
/// rolled-back transaction on a real database) and reports the locks, rewrites and catalog changes each statement caused.
/// </summary>
public static class TraceCommand
{
    public static Command Create(CliHost host)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "A project folder (Drizzle or a folder of .sql files) or one or more migration files",
            Arity = ArgumentArity.OneOrMore,
        };
        var last = new Option<int?>("--last") { Description = "Project: trace the last N migrations, the earlier ones are the history (default 1)" };
        var from = new Option<string?>("--from") { Description = "Project: trace from the migration whose name starts with this (e.g. 0003) to the end" };
        var all = new Option<bool>("--all") { Description = "Project: trace every migration, with no history" };
        var historyFrom = new Option<string?>("--history-from")
        {
            Description = "Files: apply this project's migrations first (those before the traced file when it is one of them)",
        };
        var seed = new Option<string?>("--seed") { Description = "SQL run after the history and before the traced migrations, so scans and rewrites touch real rows" };
        var allowLocks = new Option<string?>("--allow-locks-on")
        {
            Description = "Required with --db <real database>: its database name, to confirm that real locks will be taken (all changes are rolled back)",
        };
        var pgVersion = new Option<int?>("--pg-version") { Description = "PostgreSQL major version production runs (a note is printed when the trace server differs)" };
        var format = OutputFormats.CreateOption();
        var failOn = FailOnOption.Create();
        var command = new Command("trace", "Apply migrations on a shadow database and report the locks, rewrites and scans of every statement")
        {
            paths, last, from, all, historyFrom, seed, allowLocks, pgVersion, format, failOn,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = ResolveDatabase(host, parse, parse.GetValue(allowLocks));
            var plan = TracePlan.Build(
                host.WorkingDirectory, parse.GetValue(paths)!, parse.GetValue(last), parse.GetValue(from), parse.GetValue(all), parse.GetValue(historyFrom),
                appliesHistory: target.IsShadow);
            var request = new TraceRequest
            {
                History = plan.History,
                Targets = plan.Targets,
                Seed = parse.GetValue(seed) is { } seedPath ? ReadSeed(host, seedPath) : null,
                Database = target,
                AllowLocksOnDatabase = !target.IsShadow,
                PgVersion = parse.GetValue(pgVersion),
            };

            TraceResult result;
            try
            {
                result = await new MigrationTracer(host.Time).TraceAsync(request, cancellationToken);
            }
            catch (TraceConfigurationException ex)
            {
                throw new CliException(ex.Message);
            }
            catch (ShadowClusterException ex)
            {
                throw new CliException(ex.Message, ExitCodes.Runtime);
            }

            IReadOnlyList<SourceNote> notes = [.. plan.Notes, .. result.Notes];
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Out.WriteLine(TraceJson.Render(result, notes, target).ToJsonString(OutputFormats.Json));
            }
            else
            {
                TraceText.Render(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), result, notes, target, plan.History.Count);
            }

            return result.Findings.Any(f => f.Severity >= parse.GetValue(failOn)) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Trace never falls back to DATABASE_URL or agent.yaml's default: it takes locks, so a real database must be named with
    /// --db and confirmed with --allow-locks-on.
    /// </summary>
    private static DatabaseTarget ResolveDatabase(CliHost host, ParseResult parse, string? allowLocksOn)
    {
        if (string.IsNullOrWhiteSpace(parse.GetValue(GlobalOptions.Database)))
        {
            return DatabaseTarget.Shadow;
        }

        var target = DatabaseOption.Resolve(host, parse);
        if (target.IsShadow)
        {
            return target;
        }

        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database ?? string.Empty;
        if (allowLocksOn is null)
        {
            throw new CliException(
                $"tracing on {target.Display} takes real locks on its tables while it runs (every change is rolled back, but an ALTER "
                + $"TABLE still blocks the application while it waits and runs): add --allow-locks-on {database} to confirm, or drop "
                + "--db to trace on a shadow cluster");
        }

        if (!allowLocksOn.Equals(database, StringComparison.Ordinal) && !allowLocksOn.Equals(target.Name, StringComparison.Ordinal))
        {
            throw new CliException($"--allow-locks-on {allowLocksOn} does not name the database of --db ({database}); repeat its name to confirm");
        }

        return target;
    }

    private static SeedScript ReadSeed(CliHost host, string path)
    {
        var full = Path.GetFullPath(path, host.WorkingDirectory);
        try
        {
            return SeedScript.FromFile(full, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--seed {path}: {ex.Message}");
        }
    }
}
