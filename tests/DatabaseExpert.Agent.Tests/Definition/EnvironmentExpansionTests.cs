using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

public sealed class EnvironmentExpansionTests
{
    public static TheoryData<string, string?, string?> ModelCases => new()
    {
        // model line, value of DBX_MODEL (null: unset), expected model
        { "model: ${DBX_MODEL}", "openai:gpt-4.1", "openai:gpt-4.1" },
        { "model: ${DBX_MODEL:-anthropic:opus}", null, "anthropic:opus" },
        { "model: ${DBX_MODEL:-anthropic:opus}", "", "anthropic:opus" },
        { "model: ${DBX_MODEL:-anthropic:opus}", "anthropic:haiku", "anthropic:haiku" },
        { "model: \"${PROVIDER:-openai}:${DBX_MODEL:-gpt-4.1}\"", null, "openai:gpt-4.1" },
        { "model: ${DBX_MODEL:-}", null, "sonnet" },
    };

    [Theory]
    [MemberData(nameof(ModelCases))]
    public void Variables_and_defaults_are_expanded(string modelLine, string? value, string? expected)
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string?> { ["DBX_MODEL"] = value };

        var result = DefinitionTestData.LoadAgentYaml(folder, $"persona: prompts/test.md\n{modelLine}\n", environment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Definition!.Model);
    }

    [Fact]
    public void An_undefined_variable_without_default_is_a_warning_at_its_position_and_expands_to_nothing()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, """
            persona: prompts/test.md
            databases:
              default: postgres://${DB_USER}@localhost/app
            """);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(
            (DiagnosticSeverity.Warning, DiagnosticCodes.UndefinedVariable, 3, 23),
            (warning.Severity, warning.Code, warning.Line, warning.Column));
        Assert.Contains("DB_USER", warning.Message, StringComparison.Ordinal);
        Assert.Equal("postgres://@localhost/app", result.Definition!.Databases.Default);
    }

    [Fact]
    public void Expansion_applies_before_type_checks_and_in_nested_values()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["ROUNDS"] = "40",
            ["READ_ONLY"] = "false",
            ["CTX_KEY"] = "k-123",
        };

        var result = DefinitionTestData.LoadAgentYaml(folder, """
            persona: prompts/test.md
            maxToolRounds: ${ROUNDS:-24}
            databases: { readOnly: "${READ_ONLY}" }
            mcpServers:
              context7:
                command: npx
                args: ["-y", "${PKG:-@upstash/context7-mcp}"]
                env: { CONTEXT7_API_KEY: "${CTX_KEY}" }
            """, environment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var definition = result.Definition!;
        Assert.Equal(40, definition.MaxToolRounds);
        Assert.False(definition.Databases.ReadOnly);
        Assert.Equal(["-y", "@upstash/context7-mcp"], definition.McpServers[0].Args);
        Assert.Equal("k-123", definition.McpServers[0].Env["CONTEXT7_API_KEY"]);
    }

    [Fact]
    public void An_expanded_value_is_still_checked_at_the_position_of_the_reference()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(
            folder, "persona: prompts/test.md\nmaxToolRounds: ${ROUNDS}\n", new Dictionary<string, string?> { ["ROUNDS"] = "999" });

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.OutOfRange, 2, 16), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Keys_and_the_persona_body_are_not_expanded()
    {
        using var folder = new TempFolder();
        folder.Write("prompts/code.md", "---\nname: code\ndescription: Shows ${x} in code.\n---\nUse sql`${todos.completed}` here.\n");

        var result = DefinitionTestData.Load(folder, folder.Write("agent.yaml", "persona: prompts/code.md\n"));

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal("Use sql`${todos.completed}` here.", result.Definition!.SystemPrompt);
        Assert.Equal("Shows ${x} in code.", result.Definition.Description);
    }
}
