using System.CommandLine;

namespace DatabaseExpert.Cli.Commands;

/// <summary>Options every command accepts (docs/cli.md, "Global options").</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config", "--agent")
    {
        Description = "Agent definition: an agent.yaml or any Claude Code sub-agent .md file (default: ./agent.yaml, then up to the git root)",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Database URL or name from agent.yaml (default DATABASE_URL; 'shadow' = a fresh embedded cluster)",
        Recursive = true,
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "Plain output without colours (also when NO_COLOR is set)",
        Recursive = true,
    };

    public static IReadOnlyList<Option> All { get; } = [Config, Database, NoColor];
}
