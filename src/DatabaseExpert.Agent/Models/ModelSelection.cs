namespace DatabaseExpert.Agent.Models;

/// <summary>Where the chosen model came from, in the documented precedence order.</summary>
public enum ModelSource
{
    CommandLine,
    Environment,
    AgentYaml,
    Persona,
}

public sealed record ModelChoice(string Text, ModelSource Source);

/// <summary>Applies the precedence <c>--model</c> &gt; <c>DBX_MODEL</c> &gt; agent.yaml &gt; persona frontmatter.</summary>
public static class ModelSelection
{
    public const string EnvironmentVariable = "DBX_MODEL";

    /// <summary>Returns the first non-empty candidate; a persona's <c>inherit</c> means "no opinion".</summary>
    public static ModelChoice? Choose(string? commandLine, string? environment, string? agentYaml, string? persona)
    {
        if (!string.IsNullOrWhiteSpace(commandLine))
        {
            return new ModelChoice(commandLine.Trim(), ModelSource.CommandLine);
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return new ModelChoice(environment.Trim(), ModelSource.Environment);
        }

        if (!string.IsNullOrWhiteSpace(agentYaml))
        {
            return new ModelChoice(agentYaml.Trim(), ModelSource.AgentYaml);
        }

        if (!string.IsNullOrWhiteSpace(persona) && !persona.Trim().Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return new ModelChoice(persona.Trim(), ModelSource.Persona);
        }

        return null;
    }

    public static string Describe(ModelSource source) => source switch
    {
        ModelSource.CommandLine => "--model",
        ModelSource.Environment => EnvironmentVariable,
        ModelSource.AgentYaml => "agent.yaml",
        ModelSource.Persona => "persona frontmatter",
        _ => source.ToString(),
    };
}
