namespace DatabaseExpert.Agent.Definition;

/// <summary>How serious a <see cref="Diagnostic"/> is. Ordered, so "at or above Warning" is a comparison.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing to fix (a Claude Code key dbx ignores, for example).</summary>
    Info,

    /// <summary>The definition loads, but something is probably not what the author meant.</summary>
    Warning,

    /// <summary>The definition cannot be used until this is fixed.</summary>
    Error,
}
