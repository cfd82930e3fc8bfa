using DatabaseExpert.Agent.Models;

namespace DatabaseExpert.Agent.Tests.Models;

public sealed class ModelSelectionTests
{
    [Theory]
    [InlineData("openai:a", "openai:b", "openai:c", "haiku", "openai:a", ModelSource.CommandLine)]
    [InlineData(null, "openai:b", "openai:c", "haiku", "openai:b", ModelSource.Environment)]
    [InlineData(" ", " openai:b ", "openai:c", "haiku", "openai:b", ModelSource.Environment)]
    [InlineData(null, "", "openai:c", "haiku", "openai:c", ModelSource.AgentYaml)]
    [InlineData(null, null, null, "haiku", "haiku", ModelSource.Persona)]
    public void The_first_setting_in_precedence_order_wins(
        string? commandLine, string? environment, string? agentYaml, string? persona, string expected, ModelSource source) =>
        Assert.Equal(new ModelChoice(expected, source), ModelSelection.Choose(commandLine, environment, agentYaml, persona));

    [Theory]
    [InlineData("inherit")]
    [InlineData("Inherit ")]
    [InlineData("")]
    [InlineData(null)]
    public void A_persona_that_inherits_or_says_nothing_leaves_the_model_unset(string? persona) =>
        Assert.Null(ModelSelection.Choose(null, null, null, persona));

    [Theory]
    [InlineData(ModelSource.CommandLine, "--model")]
    [InlineData(ModelSource.Environment, "DBX_MODEL")]
    [InlineData(ModelSource.AgentYaml, "agent.yaml")]
    [InlineData(ModelSource.Persona, "persona frontmatter")]
    public void Sources_are_described_as_users_write_them(ModelSource source, string description) =>
        Assert.Equal(description, ModelSelection.Describe(source));
}
