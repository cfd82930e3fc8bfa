namespace DatabaseExpert.Workspace.Jail.Internal;

/// <summary>One symbolic link followed while resolving a path, kept to explain a refusal.</summary>
internal sealed record SymbolicLinkHop(string LinkPath, string Target);
