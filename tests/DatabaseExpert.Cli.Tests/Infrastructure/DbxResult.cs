namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>What one dbx command did: its exit code and everything it wrote.</summary>
public sealed record DbxResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Lines of stderr without the trailing empty one.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
