using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Tests.Definition;

/// <summary>A Claude Code sub-agent file alone is a complete agent.</summary>
public sealed class PersonaLoadingTests
{
    [Fact]
    public void The_seed_persona_loads_as_is_with_warnings_for_its_three_missing_skills()
    {
        using var folder = new TempFolder();

        var result = AgentDefinitionLoader.Load(DefinitionTestData.SeedPersonaPath, folder.Root, TempFolder.NoEnvironment);

        AssertSeedLoaded(result, DefinitionTestData.SeedPersonaPath);
    }

    [Fact]
    public void The_seed_persona_loads_from_a_txt_file_recognised_by_its_frontmatter()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("000_seed.txt");
        File.Copy(DefinitionTestData.SeedPersonaPath, path);

        var result = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment);

        AssertSeedLoaded(result, path);
    }

    [Fact]
    public void The_seed_persona_finds_its_skills_in_the_working_directory_when_they_exist()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "drizzle-orm", "neon-postgres", "sql-optimization-patterns" })
        {
            folder.Write($"skills/{name}/SKILL.md", DefinitionTestData.Skill(name));
        }

        var result = AgentDefinitionLoader.Load(DefinitionTestData.SeedPersonaPath, folder.Root, TempFolder.NoEnvironment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Empty(result.Warnings);
        Assert.Equal(["drizzle-orm", "neon-postgres", "sql-optimization-patterns"], result.Definition!.Skills.Select(s => s.Name));
        Assert.Equal(["Read", "Write", "Edit", "Bash", "Skills"], result.Definition.Tools);
    }

    [Fact]
    public void Skills_next_to_a_claude_agents_folder_are_found()
    {
        using var folder = new TempFolder();
        folder.Write(".claude/skills/pg-locks/SKILL.md", DefinitionTestData.Skill("pg-locks"));
        var persona = folder.Write(".claude/agents/dba.md", "---\nname: dba\ndescription: Locks.\nskills: [pg-locks]\n---\nBody.\n");
        using var elsewhere = new TempFolder();

        var result = AgentDefinitionLoader.Load(persona, elsewhere.Root, TempFolder.NoEnvironment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal("pg-locks", Assert.Single(result.Definition!.Skills).Name);
    }

    [Fact]
    public void Persona_frontmatter_settings_dbx_understands_are_applied()
    {
        using var folder = new TempFolder();
        var path = folder.Write("agent.md", """
            ---
            name: reviewer
            description: Reviews migrations.
            tools:
              - Read
              - Grep
              - Bash
              - Migrations
            disallowedTools: Bash
            model: inherit
            permissionMode: plan
            maxTurns: 7
            ---
            Review carefully.
            """);

        var result = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var definition = result.Definition!;
        Assert.Equal(["Read", "Grep", "Migrations"], definition.Tools);
        Assert.Null(definition.Model);
        Assert.Equal("inherit: no preference", definition.OriginOf(SettingKeys.Model).Note);
        Assert.Equal(PermissionMode.Plan, definition.Permissions.Mode);
        Assert.Equal(7, definition.MaxToolRounds);
        Assert.Equal(new ValueOrigin(ValueOriginKind.Persona, path, 12, 11), definition.OriginOf(SettingKeys.MaxToolRounds));
        Assert.Equal(["Bash"], definition.Persona.Frontmatter.DisallowedTools);
        Assert.Equal(path, definition.SourceFile);
        Assert.Equal(14, definition.Persona.BodyStartLine);
    }

    public static TheoryData<string, string, string, DiagnosticSeverity, int, int> AcceptedWithNotes => new()
    {
        // frontmatter line (written on line 4), code, severity, line, column
        { "Claude Code tool dbx lacks", "tools: Read, WebFetch", DiagnosticCodes.UnavailableTool, DiagnosticSeverity.Warning, 4, 14 },
        { "tool in the wrong case", "tools: read", DiagnosticCodes.ToolNameCase, DiagnosticSeverity.Warning, 4, 8 },
        { "tool argument pattern", "tools: [Read, \"Bash(git *)\"]", DiagnosticCodes.ToolPatternIgnored, DiagnosticSeverity.Warning, 4, 15 },
        { "MCP tool of an unconfigured server", "tools: Read, mcp__github__create_issue", DiagnosticCodes.UnknownMcpServer, DiagnosticSeverity.Warning, 4, 14 },
        { "unknown key", "colour: blue", DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning, 4, 1 },
        { "cosmetic Claude Code key", "color: blue", DiagnosticCodes.IgnoredKey, DiagnosticSeverity.Info, 4, 1 },
        { "behavioural Claude Code key", "hooks: { Stop: [] }", DiagnosticCodes.IgnoredKey, DiagnosticSeverity.Warning, 4, 1 },
        { "persona MCP servers", "mcpServers: [github]", DiagnosticCodes.IgnoredKey, DiagnosticSeverity.Warning, 4, 1 },
        { "memory", "memory: project", DiagnosticCodes.IgnoredKey, DiagnosticSeverity.Warning, 4, 1 },
        { "bypass from a persona", "permissionMode: bypassPermissions", DiagnosticCodes.IgnoredValue, DiagnosticSeverity.Warning, 4, 17 },
        { "dontAsk from a persona", "permissionMode: dontAsk", DiagnosticCodes.IgnoredValue, DiagnosticSeverity.Warning, 4, 17 },
    };

    [Theory]
    [MemberData(nameof(AcceptedWithNotes))]
    public void Persona_keys_and_tools_dbx_does_not_use_load_with_a_note(
        string @case, string line, string code, DiagnosticSeverity severity, int atLine, int atColumn)
    {
        using var folder = new TempFolder();
        var path = folder.Write("p.md", $"---\nname: p\ndescription: A persona.\n{line}\n---\nBody.\n");

        var result = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment);

        Assert.True(result.Succeeded, $"{@case}: {DefinitionTestData.Describe(result)}");
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((code, severity, path, atLine, atColumn), (note.Code, note.Severity, note.File, note.Line, note.Column));
        Assert.Equal(PermissionMode.Ask, result.Definition!.Permissions.Mode);
    }

    [Fact]
    public void Wrongly_cased_and_unavailable_tools_resolve_to_what_dbx_provides()
    {
        using var folder = new TempFolder();
        var path = folder.Write("p.md", "---\nname: p\ndescription: A persona.\ntools: read, WebSearch, Bash(git *), Task\n---\nBody.\n");

        var definition = AgentDefinitionLoader.Load(path, folder.Root, TempFolder.NoEnvironment).EnsureSuccess();

        Assert.Equal(["Read", "Bash"], definition.Tools);
    }

    private static void AssertSeedLoaded(AgentLoadResult result, string path)
    {
        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var definition = result.Definition!;
        Assert.Equal("database-expert", definition.Name);
        Assert.StartsWith("Database specialist for PostgreSQL", definition.Description, StringComparison.Ordinal);
        Assert.Equal(["Read", "Write", "Edit", "Bash"], definition.Tools);
        Assert.Equal("sonnet", definition.Model);
        Assert.Equal(new ValueOrigin(ValueOriginKind.Persona, path, 5, 8), definition.OriginOf(SettingKeys.Model));
        Assert.StartsWith("You are a database engineering specialist", definition.SystemPrompt, StringComparison.Ordinal);
        Assert.EndsWith("iterate on their data model safely.", definition.SystemPrompt, StringComparison.Ordinal);
        Assert.Empty(definition.Skills);
        Assert.Equal(path, definition.SourceFile);

        // The persona names three skills that do not exist next to it: warnings at each name, not errors.
        var warnings = result.Diagnostics.ToList();
        Assert.All(warnings, w => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.SkillNotFound, path), (w.Severity, w.Code, w.File)));
        Assert.Equal([(6, 9), (6, 22), (6, 37)], warnings.Select(w => (w.Line, w.Column)));
        Assert.Equal(
            ["drizzle-orm", "neon-postgres", "sql-optimization-patterns"],
            warnings.Select(w => w.Message.Split('`')[1]));
    }
}
