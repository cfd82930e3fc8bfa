using DatabaseExpert.Agent.Skills;

namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// A fully resolved agent: agent.yaml merged over the persona's frontmatter, tools checked, skills loaded.
/// <see cref="Provenance"/> says where each setting came from (keys in <see cref="SettingKeys"/>).
/// <see cref="ToString"/> names the agent only: URLs, environment values and headers may hold secrets.
/// </summary>
public sealed record AgentDefinition
{
    public const int DefaultMaxToolRounds = 24;

    /// <summary>Semantic Kernel stops invoking tools by itself after 128 requests in one turn, so no limit may exceed it.</summary>
    public const int MaxToolRoundsLimit = 128;

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The file the definition was loaded from: an agent.yaml, or the persona itself for persona-only agents.</summary>
    public required string SourceFile { get; init; }

    public required PersonaDocument Persona { get; init; }

    /// <summary>The persona's markdown body.</summary>
    public string SystemPrompt => Persona.Body;

    /// <summary>The model as written (<c>anthropic:sonnet</c>, <c>sonnet</c>, …); null when unset or <c>inherit</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Canonical tool names (<see cref="KnownTools.Dbx"/> spellings and <c>mcp__…</c> names), deduplicated.</summary>
    public required IReadOnlyList<string> Tools { get; init; }

    public required IReadOnlyList<Skill> Skills { get; init; }

    public int MaxToolRounds { get; init; } = DefaultMaxToolRounds;

    public required PermissionSettings Permissions { get; init; }

    public required DatabaseSettings Databases { get; init; }

    public required IReadOnlyList<McpServerDefinition> McpServers { get; init; }

    public required IReadOnlyDictionary<string, ValueOrigin> Provenance { get; init; }

    public ValueOrigin OriginOf(string settingKey) => Provenance.GetValueOrDefault(settingKey) ?? ValueOrigin.Default;

    public override string ToString() => $"AgentDefinition {{ Name = {Name}, SourceFile = {SourceFile} }}";
}
