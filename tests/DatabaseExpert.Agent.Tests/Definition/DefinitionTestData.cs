using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

/// <summary>Small valid inputs the tests vary one line at a time, and the copied test data files.</summary>
internal static class DefinitionTestData
{
    public const string Persona = """
        ---
        name: test-agent
        description: A test agent for definition loading.
        tools: Read, Grep
        model: sonnet
        ---

        You are a careful test agent.
        """;

    /// <summary>The user's Claude Code persona (the seed), byte for byte, copied to the test output.</summary>
    public static string SeedPersonaPath => Path.Combine(AppContext.BaseDirectory, "TestData", "Definition", "seed-persona.md");

    public static string Skill(string name, string description = "Use when testing skills.", string body = "Follow these steps.") => $"""
        ---
        name: {name}
        description: {description}
        ---

        {body}
        """;

    public static AgentLoadResult Load(TempFolder folder, string agentPath, IReadOnlyDictionary<string, string?>? environment = null) =>
        AgentDefinitionLoader.Load(agentPath, folder.Root, environment ?? TempFolder.NoEnvironment);

    /// <summary>Writes prompts/test.md and an agent.yaml made of <paramref name="yaml"/>, then loads the agent.yaml.</summary>
    public static AgentLoadResult LoadAgentYaml(TempFolder folder, string yaml, IReadOnlyDictionary<string, string?>? environment = null)
    {
        folder.Write("prompts/test.md", Persona);
        return Load(folder, folder.Write("agent.yaml", yaml), environment);
    }

    public static string Describe(AgentLoadResult result) => string.Join("\n", result.Diagnostics);
}
