namespace DatabaseExpert.Cli;

/// <summary>The process exit codes of every dbx command (part of the CLI contract, docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Findings at or above <c>--fail-on</c>, or a failed check.</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration error: the user must change the command or a file.</summary>
    public const int Usage = 2;

    /// <summary>Runtime error: a database, model or program that dbx depends on failed.</summary>
    public const int Runtime = 3;
}
