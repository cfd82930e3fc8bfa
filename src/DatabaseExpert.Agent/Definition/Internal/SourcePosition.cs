namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>A 1-based line and column in a file; 0:0 when unknown.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Unknown { get; } = new(0, 0);

    public static SourcePosition Start { get; } = new(1, 1);
}
