namespace DatabaseExpert.Agent.Definition;

/// <summary>Thrown by <see cref="AgentLoadResult.EnsureSuccess"/> when the definition has errors; carries every diagnostic.</summary>
public sealed class DefinitionException : Exception
{
    public DefinitionException()
        : this([])
    {
    }

    public DefinitionException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public DefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public DefinitionException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? "the agent definition is invalid"
            : $"the agent definition has {errors.Count} error(s):\n" + string.Join('\n', errors);
    }
}
