namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>
/// One key of a <see cref="MapShape"/>. An ignored field is recognised (so no "unknown key"), reported with
/// <see cref="IgnoredSeverity"/> and <see cref="IgnoredReason"/>, and left out of the result.
/// </summary>
internal sealed record Field(string Name, Shape Shape, bool Required = false, string? Help = null)
{
    public DiagnosticSeverity? IgnoredSeverity { get; private init; }

    public string? IgnoredReason { get; private init; }

    public static Field Ignored(string name, DiagnosticSeverity severity, string reason) =>
        new(name, Shape.Any) { IgnoredSeverity = severity, IgnoredReason = reason };
}
