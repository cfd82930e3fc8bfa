namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>The surroundings of an in-process dbx run (see <see cref="CliHost"/>).</summary>
public sealed record DbxRunOptions
{
    public required string WorkingDirectory { get; init; }

    /// <summary>The whole environment dbx sees; <see cref="TestEnvironment.Base"/> unless a test says otherwise.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = TestEnvironment.Base();

    /// <summary>Text on stdin; null means stdin is a terminal with nothing typed (not redirected).</summary>
    public string? Stdin { get; init; }

    public bool IsInteractive { get; init; }

    public bool SupportsAnsi { get; init; }

    /// <summary>The command tree to run instead of <see cref="DbxApp.BuildRoot"/> (a command with fake parts).</summary>
    public Func<CliHost, System.CommandLine.RootCommand>? BuildRoot { get; init; }

    /// <summary>A run that takes longer is a hang: the test fails with the output so far.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
