using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>A read agent.yaml: its path and its checked, variable-expanded tree.</summary>
internal sealed record AgentFileSource(string File, YamlMapping Root)
{
    public string Directory => Path.GetDirectoryName(File) ?? string.Empty;
}
