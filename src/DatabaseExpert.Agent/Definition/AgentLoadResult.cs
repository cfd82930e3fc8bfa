namespace DatabaseExpert.Agent.Definition;

/// <summary>The outcome of <see cref="AgentDefinitionLoader.Load"/>: a definition when there is no error, and every diagnostic.</summary>
public sealed record AgentLoadResult(AgentDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Definition is not null && !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The definition, or a <see cref="DefinitionException"/> listing the errors.</summary>
    public AgentDefinition EnsureSuccess() =>
        Succeeded && Definition is not null ? Definition : throw new DefinitionException(Diagnostics);
}
