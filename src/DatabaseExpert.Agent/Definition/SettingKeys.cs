namespace DatabaseExpert.Agent.Definition;

/// <summary>The keys of <see cref="AgentDefinition.Provenance"/>: one per resolved setting.</summary>
public static class SettingKeys
{
    public const string Name = "name";
    public const string Description = "description";
    public const string Persona = "persona";
    public const string SystemPrompt = "systemPrompt";
    public const string Model = "model";
    public const string Tools = "tools";
    public const string DisallowedTools = "disallowedTools";
    public const string Skills = "skills";
    public const string MaxToolRounds = "maxToolRounds";
    public const string PermissionMode = "permissions.mode";
    public const string BashRules = "permissions.bash";
    public const string Databases = "databases";
    public const string McpServers = "mcpServers";
}
