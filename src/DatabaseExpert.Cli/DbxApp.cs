using System.CommandLine;
using System.Reflection;
using DatabaseExpert.Cli.Commands;

namespace DatabaseExpert.Cli;

/// <summary>The dbx command tree. Every command reads and writes only through the <see cref="CliHost"/>.</summary>
public static class DbxApp
{
    public static string Version { get; } =
        typeof(DbxApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static RootCommand BuildRoot(CliHost host)
    {
        var root = new RootCommand("dbx: a PostgreSQL / Drizzle ORM / Neon expert agent with deterministic database tools.");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(host);

        // The order of `dbx --help`: the agent, then the migration tools, then the database tools, then setup.
        root.Subcommands.Add(ChatCommand.Create(host));
        root.Subcommands.Add(ReviewCommand.Create(host));
        root.Subcommands.Add(LintCommand.Create(host));
        root.Subcommands.Add(TraceCommand.Create(host));
        root.Subcommands.Add(QueryCommand.Create(host));
        root.Subcommands.Add(ExplainCommand.Create(host));
        root.Subcommands.Add(SchemaCommand.Create(host));
        root.Subcommands.Add(AdviseCommand.Create(host));
        root.Subcommands.Add(HealthCommand.Create(host));
        root.Subcommands.Add(AgentCommand.Create(host));
        root.Subcommands.Add(DoctorCommand.Create(host));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default) =>
        RunTreeAsync(BuildRoot(host), args, host, cancellationToken);

    /// <summary>Runs <paramref name="root"/> with dbx's error handling (tests pass a tree with fake parts).</summary>
    internal static async Task<int> RunTreeAsync(RootCommand root, string[] args, CliHost host, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            args = ["--help"];
        }

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (ChatCommand.HandlesInterrupts(parse))
        {
            // Ctrl-C in the REPL cancels the running turn, not the session: System.CommandLine must not end it.
            configuration.ProcessTerminationTimeout = null;
        }

        if (parse.Errors.Count > 0)
        {
            // "Required command was not provided" only adds noise next to a more specific error.
            var errors = parse.Errors.Count > 1
                ? parse.Errors.Where(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)).ToList()
                : parse.Errors.ToList();
            foreach (var error in errors)
            {
                await host.Error.WriteLineAsync($"dbx: {error.Message}");
            }

            await host.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parse).Prepend("dbx"))} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException ex)
        {
            await host.Error.WriteLineAsync($"dbx: {ex.Message}");
            return ex.ExitCode;
        }
        catch (DatabaseExpert.Postgres.Connections.DatabaseUnavailableException ex)
        {
            await host.Error.WriteLineAsync($"dbx: {ex.Message}");
            return ExitCodes.Runtime;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await host.Error.WriteLineAsync("dbx: cancelled");
            return 130;
        }
        catch (Exception ex)
        {
            // A bug of ours: one line for the user, the details only when asked.
            await host.Error.WriteLineAsync($"dbx: unexpected error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            if (host.GetVariable("DBX_DEBUG") is "1" or "true")
            {
                await host.Error.WriteLineAsync(ex.ToString());
            }
            else
            {
                await host.Error.WriteLineAsync("dbx: set DBX_DEBUG=1 for the stack trace, and please report it.");
            }

            return ExitCodes.Runtime;
        }
    }

    private static Stack<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Push(result.Command.Name);
            }
        }

        return names;
    }
}

/// <summary>A failure the user can fix; printed as one line with the given exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
