namespace DatabaseExpert.Workspace;

/// <summary>Caps and defaults shared by the workspace tools. The defaults suit a model's context window.</summary>
public sealed record WorkspaceToolOptions
{
    public static WorkspaceToolOptions Default { get; } = new();

    /// <summary>Lines returned by Read when no limit is given.</summary>
    public int ReadDefaultLineLimit { get; init; } = 2000;

    /// <summary>Longer lines are cut in Read output, with a marker.</summary>
    public int ReadMaxLineLength { get; init; } = 2000;

    /// <summary>Read refuses larger files unless an offset or limit asks for a part of them.</summary>
    public long ReadMaxBytes { get; init; } = 256 * 1024;

    /// <summary>A NUL byte within this many leading bytes marks a file as binary.</summary>
    public int BinarySniffBytes { get; init; } = 8192;

    /// <summary>Context lines around each change in preview diffs.</summary>
    public int DiffContextLines { get; init; } = 3;

    public int GlobMaxResults { get; init; } = 200;

    public int GrepDefaultMaxResults { get; init; } = 200;

    /// <summary>Longer matching lines are cut in Grep output.</summary>
    public int GrepMaxLineLength { get; init; } = 500;

    /// <summary>Grep skips larger files (with a warning) rather than scanning logs and dumps.</summary>
    public long GrepMaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Guards against catastrophic backtracking in model-written regular expressions.</summary>
    public TimeSpan GrepMatchTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan BashDefaultTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan BashMaxTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Bash output beyond this keeps its head and tail with a note of what was left out.</summary>
    public int BashMaxOutputChars { get; init; } = 30_000;

    /// <summary>Directory names Glob and Grep do not enter unless the pattern names them.</summary>
    public IReadOnlyList<string> SkippedDirectories { get; init; } = [".git", "node_modules", "bin", "obj", ".dbx"];

    /// <summary>Secrets of the agent itself that commands run through Bash must not see.</summary>
    public IReadOnlyList<string> RemovedEnvironmentVariables { get; init; } =
        ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "CONTEXT7_API_KEY"];

    /// <summary>Throws when a cap is not positive or the Bash timeouts contradict each other.</summary>
    public void Validate()
    {
        Positive(ReadDefaultLineLimit, nameof(ReadDefaultLineLimit));
        Positive(ReadMaxLineLength, nameof(ReadMaxLineLength));
        Positive(ReadMaxBytes, nameof(ReadMaxBytes));
        Positive(BinarySniffBytes, nameof(BinarySniffBytes));
        Positive(GlobMaxResults, nameof(GlobMaxResults));
        Positive(GrepDefaultMaxResults, nameof(GrepDefaultMaxResults));
        Positive(GrepMaxLineLength, nameof(GrepMaxLineLength));
        Positive(GrepMaxFileBytes, nameof(GrepMaxFileBytes));
        Positive(BashMaxOutputChars, nameof(BashMaxOutputChars));
        Positive(GrepMatchTimeout.Ticks, nameof(GrepMatchTimeout));
        Positive(BashDefaultTimeout.Ticks, nameof(BashDefaultTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(DiffContextLines, nameof(DiffContextLines));
        if (BashDefaultTimeout > BashMaxTimeout)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BashDefaultTimeout),
                $"{nameof(BashDefaultTimeout)} ({BashDefaultTimeout}) must not exceed {nameof(BashMaxTimeout)} ({BashMaxTimeout}).");
        }
    }

    private static void Positive(long value, string name) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
}
