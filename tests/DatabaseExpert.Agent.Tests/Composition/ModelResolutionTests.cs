using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Tests.Definition;

namespace DatabaseExpert.Agent.Tests.Composition;

/// <summary>--model &gt; DBX_MODEL &gt; agent.yaml &gt; persona, resolved against real loaded definitions.</summary>
public sealed class ModelResolutionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_agent_yaml_which_beats_the_persona()
    {
        var definition = Load(agentModel: "openai:gpt-4.1", personaModel: "haiku");
        var environment = Environment(("DBX_MODEL", "openai:gpt-4o-mini"), ("OPENAI_API_KEY", "k"), ("ANTHROPIC_API_KEY", "a"));

        Assert.Equal((ModelSource.CommandLine, "opus"), Choice(ModelResolution.Resolve("opus", definition, environment)));
        Assert.Equal((ModelSource.Environment, "openai:gpt-4o-mini"), Choice(ModelResolution.Resolve(null, definition, environment)));
        Assert.Equal((ModelSource.AgentYaml, "openai:gpt-4.1"), Choice(ModelResolution.Resolve(null, definition, Environment(("OPENAI_API_KEY", "k")))));
        Assert.Equal((ModelSource.Persona, "haiku"), Choice(ModelResolution.Resolve(null, Load(null, "haiku"), Environment(("ANTHROPIC_API_KEY", "a")))));

        var resolved = ModelResolution.Resolve("opus", definition, environment);
        Assert.True(resolved.IsUsable);
        Assert.Equal(new ModelSpec(ModelProvider.Anthropic, ModelSpec.AnthropicAliases["opus"]), resolved.Spec);
        Assert.Equal(new ModelCredentials(ModelProvider.Anthropic, "a", null), resolved.Credentials);
    }

    [Fact]
    public void A_persona_that_inherits_and_nothing_else_means_no_model()
    {
        var resolution = ModelResolution.Resolve(null, Load(null, "inherit"), Environment(("ANTHROPIC_API_KEY", "a")));

        Assert.Null(resolution.Choice);
        Assert.False(resolution.IsUsable);
        Assert.Equal("no model is configured", resolution.Problem);
        Assert.Equal("no model is configured", ModelResolution.Resolve(null, null, Environment()).Problem);
    }

    [Fact]
    public void A_persona_file_used_alone_takes_its_model_from_the_frontmatter()
    {
        var path = _folder.Write("agents/reviewer.md", "---\nname: reviewer\ndescription: Reviews.\nmodel: sonnet\n---\n\nReview.\n");
        var definition = AgentDefinitionLoader.Load(path, _folder.Root, TempFolder.NoEnvironment).Definition!;

        var resolution = ModelResolution.Resolve(null, definition, Environment(("ANTHROPIC_API_KEY", "a")));

        Assert.Equal((ModelSource.Persona, "sonnet"), Choice(resolution));
        Assert.True(resolution.IsUsable);
    }

    [Fact]
    public void A_bad_model_name_says_where_it_came_from()
    {
        var resolution = ModelResolution.Resolve(null, Load("openai:gpt-4.1", null), Environment(("DBX_MODEL", "gpt-4o")));

        Assert.Null(resolution.Spec);
        Assert.Equal(
            "'gpt-4o' names no provider; write it as anthropic:<model>, openai:<model> or azure:<deployment> (aliases: sonnet, opus, haiku) (from DBX_MODEL)",
            resolution.Problem);
    }

    [Fact]
    public void Missing_or_malformed_provider_settings_are_the_problem_reported()
    {
        var definition = Load("openai:gpt-4.1", null);

        var noKey = ModelResolution.Resolve(null, definition, Environment());
        var badUrl = ModelResolution.Resolve(null, definition, Environment(("OPENAI_BASE_URL", "localhost:11434")));
        var localServer = ModelResolution.Resolve(null, definition, Environment(("OPENAI_BASE_URL", "http://localhost:11434/v1")));
        var azure = ModelResolution.Resolve("azure:prod", definition, Environment(("AZURE_OPENAI_API_KEY", "k")));

        Assert.False(noKey.IsUsable);
        Assert.StartsWith("OPENAI_API_KEY is not set", noKey.Problem, StringComparison.Ordinal);
        Assert.Equal(new ModelSpec(ModelProvider.OpenAI, "gpt-4.1"), noKey.Spec);
        Assert.False(badUrl.IsUsable);
        Assert.Null(badUrl.Credentials);
        Assert.Equal("OPENAI_BASE_URL='localhost:11434' is not an http(s) URL; for example http://localhost:11434/v1", badUrl.Problem);
        Assert.True(localServer.IsUsable);
        Assert.False(azure.IsUsable);
        Assert.StartsWith("AZURE_OPENAI_ENDPOINT is not set", azure.Problem, StringComparison.Ordinal);
    }

    private static (ModelSource, string) Choice(ModelResolution resolution) => (resolution.Choice!.Source, resolution.Choice.Text);

    private AgentDefinition Load(string? agentModel, string? personaModel)
    {
        var personaLine = personaModel is null ? "" : $"model: {personaModel}\n";
        _folder.Write("prompts/test.md", $"---\nname: test-agent\ndescription: For model resolution.\n{personaLine}---\n\nYou test.\n");
        var agentLine = agentModel is null ? "" : $"model: {agentModel}\n";
        var path = _folder.Write("agent.yaml", $"name: test-agent\npersona: prompts/test.md\n{agentLine}");
        var result = AgentDefinitionLoader.Load(path, _folder.Root, TempFolder.NoEnvironment);
        return result.Definition ?? throw new InvalidOperationException(DefinitionTestData.Describe(result));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
