using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

/// <summary>Every bad agent.yaml yields one error with a stable code at the exact line:column, and a way to fix it.</summary>
public sealed class AgentYamlErrorTests
{
    public static TheoryData<string, string, string, int, int, string?> BadFiles => new()
    {
        // case, agent.yaml, expected code, line, column, text the help must contain (null: any)
        { "unknown key", "persona: prompts/test.md\nmaxToolRound: 10\n", DiagnosticCodes.UnknownKey, 2, 1, "`maxToolRounds`" },
        { "unknown key, other casing", "persona: prompts/test.md\nMCPServers: {}\n", DiagnosticCodes.UnknownKey, 2, 1, "`mcpServers`" },
        { "unknown nested key", "persona: prompts/test.md\npermissions:\n  bash:\n    alow: []\n", DiagnosticCodes.UnknownKey, 4, 5, "`allow`" },
        { "unknown key among database names", "persona: prompts/test.md\ndatabases:\n  readonly: true\n", DiagnosticCodes.UnknownKey, 3, 3, "`readOnly`" },
        { "string where a list is expected", "persona: prompts/test.md\ntools: Read\n", DiagnosticCodes.WrongType, 2, 8, "[a, b]" },
        { "list where a string is expected", "persona: [prompts/test.md]\n", DiagnosticCodes.WrongType, 1, 10, null },
        { "mapping where a list is expected", "persona: prompts/test.md\nskills:\n  a: b\n", DiagnosticCodes.WrongType, 3, 3, null },
        { "root is a list", "- persona: prompts/test.md\n", DiagnosticCodes.WrongType, 1, 1, null },
        { "not a boolean", "persona: prompts/test.md\ndatabases:\n  readOnly: yes\n", DiagnosticCodes.WrongType, 3, 13, "true" },
        { "not a number", "persona: prompts/test.md\nmaxToolRounds: many\n", DiagnosticCodes.WrongType, 2, 16, null },
        { "maxToolRounds too small", "persona: prompts/test.md\nmaxToolRounds: 0\n", DiagnosticCodes.OutOfRange, 2, 16, "1 to 128" },
        { "maxToolRounds too large", "persona: prompts/test.md\nmaxToolRounds: 129\n", DiagnosticCodes.OutOfRange, 2, 16, "1 to 128" },
        { "invalid permission mode", "persona: prompts/test.md\npermissions:\n  mode: asks\n", DiagnosticCodes.InvalidValue, 3, 9, "`ask`" },
        { "Claude Code mode name in agent.yaml", "persona: prompts/test.md\npermissions: { mode: acceptEdits }\n", DiagnosticCodes.InvalidValue, 2, 22, "`accept-edits`" },
        { "tab indentation", "persona: prompts/test.md\npermissions:\n\tmode: ask\n", DiagnosticCodes.YamlSyntax, 3, 1, "spaces" },
        { "tab after a nested key", "persona: prompts/test.md\npermissions:\n  bash:\n\t  allow: []\n", DiagnosticCodes.YamlSyntax, 4, 1, "spaces" },
        { "unclosed double quote", "persona: prompts/test.md\nmodel: \"anthropic:sonnet\ntools: [Read]\n", DiagnosticCodes.YamlSyntax, 2, 8, "closing quote" },
        { "unclosed single quote", "persona: prompts/test.md\nmodel: 'anthropic:sonnet\n", DiagnosticCodes.YamlSyntax, 2, 8, "closing quote" },
        { "unclosed flow mapping", "persona: prompts/test.md\npermissions: { mode: ask\nmodel: sonnet\n", DiagnosticCodes.YamlSyntax, 2, 14, null },
        { "colon inside a plain value", "persona: prompts/test.md\ndescription: note: this breaks\n", DiagnosticCodes.YamlSyntax, 2, 18, "quotes" },
        { "duplicate key", "persona: prompts/test.md\nmodel: sonnet\nmodel: opus\n", DiagnosticCodes.DuplicateKey, 3, 1, null },
        { "second document", "persona: prompts/test.md\n---\nmodel: opus\n", DiagnosticCodes.YamlSyntax, 2, 1, null },
        { "persona key missing", "name: lonely\n", DiagnosticCodes.MissingKey, 1, 1, "persona: prompts/" },
        { "empty file", "", DiagnosticCodes.MissingKey, 1, 1, "persona: prompts/" },
        { "missing persona file", "name: x\npersona: prompts/missing.md\n", DiagnosticCodes.FileNotFound, 2, 10, null },
        { "unknown tool", "persona: prompts/test.md\ntools: [Read, Grpe]\n", DiagnosticCodes.UnknownTool, 2, 15, "`Grep`" },
        { "missing skill", "persona: prompts/test.md\nskills:\n  - nowhere\n", DiagnosticCodes.SkillNotFound, 3, 5, "SKILL.md" },
        { "invalid model provider", "persona: prompts/test.md\nmodel: foo:bar\n", DiagnosticCodes.InvalidModel, 2, 8, "anthropic:sonnet" },
        { "MCP server without command or url", "persona: prompts/test.md\nmcpServers:\n  docs:\n    args: [x]\n", DiagnosticCodes.MissingKey, 3, 3, "command" },
        { "MCP server with both", "persona: prompts/test.md\nmcpServers:\n  docs: { command: npx, url: \"https://x\" }\n", DiagnosticCodes.InvalidValue, 3, 3, null },
        { "MCP url not http", "persona: prompts/test.md\nmcpServers:\n  docs: { url: \"ftp://x\" }\n", DiagnosticCodes.InvalidValue, 3, 16, "https://" },
        { "unknown MCP fallback", "persona: prompts/test.md\nmcpServers:\n  docs: { command: npx, fallback: offline-doc }\n", DiagnosticCodes.InvalidValue, 3, 35, "`offline-docs`" },
        { "named database without url", "persona: prompts/test.md\ndatabases:\n  prod: { readOnly: true }\n", DiagnosticCodes.MissingKey, 3, 9, "url:" },
        { "unclosed variable", "persona: prompts/test.md\nmodel: ${DBX_MODEL\n", DiagnosticCodes.InvalidVariable, 2, 8, null },
        { "invalid variable name", "persona: prompts/test.md\nmodel: anthropic:${1X}\n", DiagnosticCodes.InvalidVariable, 2, 18, null },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_agent_yaml_is_one_positioned_error(string @case, string yaml, string code, int line, int column, string? help)
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, yaml);

        Assert.False(result.Succeeded, @case);
        Assert.Null(result.Definition);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, folder.PathOf("agent.yaml"), line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.Help));
        if (help is not null)
        {
            Assert.Contains(help, error.Help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_persona_names_the_resolved_absolute_path()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: ./prompts/../prompts/missing.md\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains(folder.PathOf("prompts/missing.md"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_skill_names_every_place_it_looked()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\nskills: [nowhere]\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains(folder.PathOf("skills/nowhere/SKILL.md"), error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.PathOf(".claude/skills/nowhere/SKILL.md"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_in_one_run_in_file_order()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, """
            persona: prompts/test.md
            tols: [Read]
            description: ${UNSET_DESCRIPTION}
            maxToolRounds: 500
            permissions:
              mode: yolo
            """);

        Assert.Equal(
            [(DiagnosticCodes.UnknownKey, 2), (DiagnosticCodes.UndefinedVariable, 3), (DiagnosticCodes.OutOfRange, 4), (DiagnosticCodes.InvalidValue, 6)],
            result.Diagnostics.Select(e => (e.Code, e.Line)));
    }

    [Fact]
    public void Errors_in_the_persona_are_reported_against_the_persona_file()
    {
        using var folder = new TempFolder();
        folder.Write("prompts/broken.md", "---\nname: broken\ndescription: Has a bad tool.\ntools: Read, Serach\n---\nBody.\n");

        var result = DefinitionTestData.Load(folder, folder.Write("agent.yaml", "persona: prompts/broken.md\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.UnknownTool, folder.PathOf("prompts/broken.md"), 4, 14), (error.Code, error.File, error.Line, error.Column));
    }
}
