namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>Where shape checks report, and how strict they are about keys they do not know.</summary>
internal sealed record ShapeContext(DiagnosticBag Diagnostics, string File, DiagnosticSeverity UnknownKeySeverity, string DocumentName);
