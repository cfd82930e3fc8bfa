using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

/// <summary>Bad persona files: one error each, positioned in the file (not in the frontmatter block).</summary>
public sealed class PersonaErrorTests
{
    private static readonly string LongDescription = new('d', 1025);

    public static TheoryData<string, string, string, int, int> BadPersonas => new()
    {
        // case, file content, code, line, column
        { "no frontmatter", "# Database expert\n\nYou are an expert.\n", DiagnosticCodes.MissingFrontmatter, 1, 1 },
        { "empty file", "", DiagnosticCodes.MissingFrontmatter, 1, 1 },
        { "unterminated frontmatter", "---\nname: p\ndescription: A persona.\n\nBody.\n", DiagnosticCodes.UnterminatedFrontmatter, 1, 1 },
        { "tab in frontmatter", "---\nname: p\ndescription: A persona.\ntools:\n\t- Read\n---\nBody.\n", DiagnosticCodes.YamlSyntax, 5, 1 },
        { "unclosed quote in frontmatter", "---\nname: p\ndescription: \"A persona.\n---\nBody.\n", DiagnosticCodes.YamlSyntax, 3, 14 },
        { "frontmatter is a list", "---\n- name: p\n---\nBody.\n", DiagnosticCodes.WrongType, 2, 1 },
        { "missing name", "---\ndescription: A persona.\n---\nBody.\n", DiagnosticCodes.MissingKey, 2, 1 },
        { "missing description", "---\nname: p\n---\nBody.\n", DiagnosticCodes.MissingKey, 2, 1 },
        { "description too long", $"---\nname: p\ndescription: {LongDescription}\n---\nBody.\n", DiagnosticCodes.ValueTooLong, 3, 14 },
        { "empty body", "---\nname: p\ndescription: A persona.\n---\n\n  \n", DiagnosticCodes.EmptyBody, 5, 1 },
        { "unknown tool", "---\nname: p\ndescription: A persona.\ntools: Read, Grpe, Bash\n---\nBody.\n", DiagnosticCodes.UnknownTool, 4, 14 },
        { "maxTurns out of range", "---\nname: p\ndescription: A persona.\nmaxTurns: 0\n---\nBody.\n", DiagnosticCodes.OutOfRange, 4, 11 },
        { "invalid permission mode", "---\nname: p\ndescription: A persona.\npermissionMode: acceptEdit\n---\nBody.\n", DiagnosticCodes.InvalidValue, 4, 17 },
        { "invalid model", "---\nname: p\ndescription: A persona.\nmodel: gpt-4o\n---\nBody.\n", DiagnosticCodes.InvalidModel, 4, 8 },
        { "tools as a mapping", "---\nname: p\ndescription: A persona.\ntools: { Read: true }\n---\nBody.\n", DiagnosticCodes.WrongType, 4, 8 },
    };

    [Theory]
    [MemberData(nameof(BadPersonas))]
    public void Bad_persona_is_one_positioned_error(string @case, string content, string code, int line, int column)
    {
        using var folder = new TempFolder();
        var path = folder.Write("persona.md", content);

        var result = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment);

        Assert.False(result.Succeeded, @case);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, path, line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Help));
    }

    [Fact]
    public void Empty_frontmatter_lacks_both_name_and_description()
    {
        using var folder = new TempFolder();
        var path = folder.Write("persona.md", "---\n---\nBody.\n");

        var result = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment);

        Assert.Equal(
            [(DiagnosticCodes.MissingKey, 1, 1, "name"), (DiagnosticCodes.MissingKey, 1, 1, "description")],
            result.Errors.Select(e => (e.Code, e.Line, e.Column, e.Message.Split('`')[1])));
    }

    [Fact]
    public void A_description_of_exactly_1024_characters_is_accepted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("persona.md", $"---\nname: p\ndescription: {new string('d', 1024)}\n---\nBody.\n");

        Assert.True(AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment).Succeeded);
    }

    [Fact]
    public void Unknown_tool_suggests_the_closest_dbx_tool()
    {
        using var folder = new TempFolder();
        var path = folder.Write("persona.md", "---\nname: p\ndescription: A persona.\ntools: Postgress\n---\nBody.\n");

        var error = Assert.Single(AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment).Errors);

        Assert.StartsWith("did you mean `Postgres`?", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_an_unknown_extension_and_no_frontmatter_is_read_as_agent_yaml()
    {
        using var folder = new TempFolder();
        var path = folder.Write("agent.txt", "persona: missing.md\n");

        var error = Assert.Single(AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment).Errors);

        Assert.Equal((DiagnosticCodes.FileNotFound, 1, 10), (error.Code, error.Line, error.Column));
    }
}
