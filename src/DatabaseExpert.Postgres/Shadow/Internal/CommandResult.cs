namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>What a finished external command printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for error messages.</summary>
    public string Output => string.IsNullOrWhiteSpace(StandardError)
        ? StandardOutput.Trim()
        : $"{StandardOutput.Trim()}{Environment.NewLine}{StandardError.Trim()}".Trim();
}
