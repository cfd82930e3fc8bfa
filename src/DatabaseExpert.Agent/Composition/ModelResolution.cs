using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Models;

namespace DatabaseExpert.Agent.Composition;

/// <summary>The model a command would use, where that choice came from, and whether it can be called.</summary>
public sealed record ModelResolution(ModelChoice? Choice, ModelSpec? Spec, ModelCredentials? Credentials, string? Problem)
{
    public bool IsUsable => Spec is not null && Credentials is { IsUsable: true } && Problem is null;

    /// <summary>Applies <c>--model</c> &gt; <c>DBX_MODEL</c> &gt; agent.yaml &gt; persona, then reads the provider's environment.</summary>
    public static ModelResolution Resolve(string? commandLine, AgentDefinition? definition, Func<string, string?> getVariable)
    {
        var fromAgentFile = definition?.OriginOf(SettingKeys.Model).Kind == ValueOriginKind.AgentFile ? definition.Model : null;
        var fromPersona = definition?.Persona.Frontmatter.Model;
        var choice = ModelSelection.Choose(commandLine, getVariable(ModelSelection.EnvironmentVariable), fromAgentFile, fromPersona);
        if (choice is null)
        {
            return new ModelResolution(null, null, null, "no model is configured");
        }

        if (!ModelSpec.TryParse(choice.Text, out var spec, out var error))
        {
            return new ModelResolution(choice, null, null, $"{error} (from {ModelSelection.Describe(choice.Source)})");
        }

        try
        {
            var credentials = ModelCredentials.FromEnvironment(spec.Provider, getVariable);
            return new ModelResolution(choice, spec, credentials, credentials.MissingExplanation());
        }
        catch (ModelConfigurationException ex)
        {
            return new ModelResolution(choice, spec, null, ex.Message);
        }
    }
}
