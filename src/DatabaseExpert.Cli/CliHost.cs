using System.Collections;

namespace DatabaseExpert.Cli;

/// <summary>
/// The process surroundings a command may touch: streams, environment, working directory, clock, terminal.
/// Commands never use <see cref="Console"/> or <see cref="Environment"/> directly, so tests run them in-process.
/// </summary>
public sealed class CliHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    public required string WorkingDirectory { get; init; }

    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>True when stdin and stdout are a terminal a person types into.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>True when stdin is a file or a pipe (its content can be read to the end).</summary>
    public bool InputRedirected { get; init; }

    /// <summary>True when colours and cursor movement may be written to <see cref="Out"/>.</summary>
    public bool SupportsAnsi { get; init; }

    public int TerminalWidth { get; init; } = 100;

    /// <summary>The agent.yaml shipped next to the dbx binary, used when a project has none (null: no fallback).</summary>
    public string? BundledAgent { get; init; }

    /// <summary>Loads the agent definition the way every command does: --agent, else agent.yaml found upwards, else the bundled one.</summary>
    public DatabaseExpert.Agent.Definition.AgentLoadResult LoadAgent(string? agentPath) =>
        DatabaseExpert.Agent.Definition.AgentDefinitionLoader.Load(agentPath, WorkingDirectory, Environment, BundledAgent);

    public string? GetVariable(string name) => Environment.GetValueOrDefault(name);

    public static CliHost FromProcess()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var noColor = environment.ContainsKey("NO_COLOR") || environment.GetValueOrDefault("TERM") == "dumb";
        int width;
        try
        {
            // Redirected output is read by programs and editors: do not wrap it at an imagined terminal width.
            width = Console.IsOutputRedirected ? 240 : Math.Max(40, Console.WindowWidth);
        }
        catch (IOException)
        {
            width = 100;
        }

        return new CliHost
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Environment = environment,
            IsInteractive = interactive,
            InputRedirected = Console.IsInputRedirected,
            SupportsAnsi = !Console.IsOutputRedirected && !noColor,
            TerminalWidth = width,
            BundledAgent = Path.Combine(AppContext.BaseDirectory, "agent", "agent.yaml"),
        };
    }
}
