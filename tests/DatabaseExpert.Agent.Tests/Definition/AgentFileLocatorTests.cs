using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

/// <summary>With no --agent, agent.yaml is looked for from the working directory up to the git root, and never invented.</summary>
public sealed class AgentFileLocatorTests
{
    [Fact]
    public void No_agent_yaml_is_an_error_saying_where_it_looked_and_how_to_create_one()
    {
        using var folder = new TempFolder();

        var result = AgentDefinitionLoader.Load(null, folder.Root, TempFolder.NoEnvironment);

        Assert.Null(result.Definition);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AgentNotFound, error.Code);
        Assert.Contains(folder.Root, error.Message, StringComparison.Ordinal);
        Assert.Contains("dbx agent validate --agent", error.Help, StringComparison.Ordinal);
        Assert.Contains("persona:", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_yaml_is_found_in_a_parent_folder_up_to_the_git_root()
    {
        using var folder = new TempFolder();
        folder.CreateDirectory(".git");
        DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\n");
        var nested = folder.CreateDirectory("src/app");

        var result = AgentDefinitionLoader.Load(null, nested, TempFolder.NoEnvironment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal(folder.PathOf("agent.yaml"), result.Definition!.SourceFile);
    }

    [Fact]
    public void Agent_yaml_above_the_git_root_is_not_used()
    {
        using var folder = new TempFolder();
        DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\n");
        folder.Write("repo/.git", "gitdir: /somewhere/else\n");
        var nested = folder.CreateDirectory("repo/src");

        var result = AgentDefinitionLoader.Load(null, nested, TempFolder.NoEnvironment);

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.AgentNotFound, error.Code);
        Assert.Contains(folder.PathOf("repo"), error.Message, StringComparison.Ordinal);
        Assert.Contains(nested, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_path_that_does_not_exist_is_an_error_naming_it()
    {
        using var folder = new TempFolder();

        var result = AgentDefinitionLoader.Load("configs/agent.yaml", folder.Root, TempFolder.NoEnvironment);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.AgentNotFound, folder.PathOf("configs/agent.yaml")), (error.Code, error.File));
        Assert.Contains(folder.PathOf("configs/agent.yaml"), error.Message, StringComparison.Ordinal);
    }
}
