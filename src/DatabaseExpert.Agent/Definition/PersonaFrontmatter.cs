namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// The frontmatter of a Claude Code sub-agent file, as written (lists already split). <see cref="Keys"/> lists every
/// key present, including those dbx ignores.
/// </summary>
public sealed record PersonaFrontmatter(
    string Name,
    string Description,
    string? Model,
    IReadOnlyList<string>? Tools,
    IReadOnlyList<string>? DisallowedTools,
    IReadOnlyList<string>? Skills,
    string? PermissionMode,
    int? MaxTurns,
    IReadOnlyList<string> Keys);
