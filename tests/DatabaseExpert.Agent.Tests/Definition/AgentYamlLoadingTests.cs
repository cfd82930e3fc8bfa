using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Tests.Definition;

public sealed class AgentYamlLoadingTests
{
    private const string FullAgentYaml = """
        name: shop-expert
        description: Reviews the shop database.
        persona: prompts/test.md
        skills: [sql-tuning]
        model: anthropic:opus
        tools: [Read, Bash, Postgres, mcp__context7__query-docs]
        maxToolRounds: 12
        permissions:
          mode: accept-edits
          bash:
            allow: ["psql *", "git status*"]
            deny: ["rm -rf /*"]
        databases:
          default: postgres://app:s3cret@localhost/shop
          readOnly: false
          analytics: postgres://reader@replica/shop
          staging: { url: "postgres://stage/shop", readOnly: true }
        mcpServers:
          context7:
            command: npx
            args: ["-y", "@upstash/context7-mcp"]
            env: { CONTEXT7_API_KEY: "ctx7-key" }
            fallback: offline-docs
          remote:
            url: https://mcp.example.com/mcp
            headers: { Authorization: "Bearer top-secret" }
            enabled: false
        """;

    [Fact]
    public void Full_agent_yaml_resolves_every_setting()
    {
        using var folder = new TempFolder();
        folder.Write("skills/sql-tuning/SKILL.md", DefinitionTestData.Skill("sql-tuning"));

        var result = DefinitionTestData.LoadAgentYaml(folder, FullAgentYaml);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var definition = result.Definition!;
        Assert.Equal("shop-expert", definition.Name);
        Assert.Equal("Reviews the shop database.", definition.Description);
        Assert.Equal(folder.PathOf("agent.yaml"), definition.SourceFile);
        Assert.Equal(folder.PathOf("prompts/test.md"), definition.Persona.Path);
        Assert.Equal("You are a careful test agent.", definition.SystemPrompt);
        Assert.Equal("anthropic:opus", definition.Model);
        Assert.Equal(["Read", "Bash", "Postgres", "mcp__context7__query-docs", "Skills"], definition.Tools);
        Assert.Equal("sql-tuning", Assert.Single(definition.Skills).Name);
        Assert.Equal(12, definition.MaxToolRounds);
        Assert.Equal(PermissionMode.AcceptEdits, definition.Permissions.Mode);
        Assert.Equal(["psql *", "git status*"], definition.Permissions.BashAllow);
        Assert.Equal(["rm -rf /*"], definition.Permissions.BashDeny);

        Assert.Equal("postgres://app:s3cret@localhost/shop", definition.Databases.Default);
        Assert.False(definition.Databases.ReadOnly);
        Assert.Equal(new DatabaseEntry("analytics", "postgres://reader@replica/shop", ReadOnly: false), definition.Databases.Named["analytics"]);
        Assert.Equal(new DatabaseEntry("staging", "postgres://stage/shop", ReadOnly: true), definition.Databases.Named["staging"]);

        Assert.Equal(2, definition.McpServers.Count);
        var context7 = definition.McpServers[0];
        Assert.Equal(("context7", "npx", "offline-docs", true), (context7.Name, context7.Command, context7.Fallback, context7.Enabled));
        Assert.Equal(["-y", "@upstash/context7-mcp"], context7.Args);
        Assert.Equal("ctx7-key", context7.Env["CONTEXT7_API_KEY"]);
        var remote = definition.McpServers[1];
        Assert.Equal(("https://mcp.example.com/mcp", false, true), (remote.Url, remote.Enabled, remote.IsRemote));
        Assert.Equal("Bearer top-secret", remote.Headers["Authorization"]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Agent_yaml_overrides_the_persona_and_provenance_says_where_each_value_came_from()
    {
        using var folder = new TempFolder();

        var result = DefinitionTestData.LoadAgentYaml(folder, """
            persona: prompts/test.md
            model: openai:gpt-4.1
            """);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        var definition = result.Definition!;
        var agentYaml = folder.PathOf("agent.yaml");
        var persona = folder.PathOf("prompts/test.md");

        Assert.Equal("openai:gpt-4.1", definition.Model);
        Assert.Equal(new ValueOrigin(ValueOriginKind.AgentFile, agentYaml, 2, 8), definition.OriginOf(SettingKeys.Model));

        // Not set in agent.yaml: taken from the persona frontmatter, with the persona's positions.
        Assert.Equal("test-agent", definition.Name);
        Assert.Equal(new ValueOrigin(ValueOriginKind.Persona, persona, 2, 7), definition.OriginOf(SettingKeys.Name));
        Assert.Equal(["Read", "Grep"], definition.Tools);
        Assert.Equal(new ValueOrigin(ValueOriginKind.Persona, persona, 4, 8), definition.OriginOf(SettingKeys.Tools));
        Assert.Equal(new ValueOrigin(ValueOriginKind.AgentFile, agentYaml, 1, 10), definition.OriginOf(SettingKeys.Persona));
        Assert.Equal(ValueOriginKind.Persona, definition.OriginOf(SettingKeys.SystemPrompt).Kind);

        // Set nowhere: dbx defaults.
        Assert.Equal(AgentDefinition.DefaultMaxToolRounds, definition.MaxToolRounds);
        Assert.Equal(ValueOriginKind.Default, definition.OriginOf(SettingKeys.MaxToolRounds).Kind);
        Assert.Equal(PermissionMode.Ask, definition.Permissions.Mode);
        Assert.Empty(definition.Permissions.BashAllow);
        Assert.Equal(DatabaseSettings.Empty.Default, definition.Databases.Default);
        Assert.True(definition.Databases.ReadOnly);
        Assert.Empty(definition.McpServers);
        Assert.Empty(definition.Skills);
    }

    [Fact]
    public void Tools_default_to_every_dbx_tool_when_neither_file_lists_them()
    {
        using var folder = new TempFolder();
        folder.Write("p.md", "---\nname: plain\ndescription: No tools listed.\n---\nBody.\n");

        var result = DefinitionTestData.Load(folder, folder.Write("agent.yaml", "persona: p.md\n"));

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal(KnownTools.Dbx, result.Definition!.Tools);
        Assert.Equal(ValueOriginKind.Default, result.Definition.OriginOf(SettingKeys.Tools).Kind);
    }

    [Fact]
    public void A_folder_given_as_the_agent_path_means_its_agent_yaml()
    {
        using var folder = new TempFolder();
        DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\n");

        var result = DefinitionTestData.Load(folder, folder.Root);

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal(folder.PathOf("agent.yaml"), result.Definition!.SourceFile);
    }

    [Fact]
    public void Skills_given_as_paths_are_resolved_from_the_agent_yaml_folder()
    {
        using var folder = new TempFolder();
        folder.Write("vendor/skills/pg-locks/SKILL.md", DefinitionTestData.Skill("pg-locks"));

        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\nskills: [vendor/skills/pg-locks]\n");

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal(folder.PathOf("vendor/skills/pg-locks"), Assert.Single(result.Definition!.Skills).Directory);
    }

    [Fact]
    public void Skills_are_found_under_dot_claude_skills_too()
    {
        using var folder = new TempFolder();
        folder.Write(".claude/skills/pg-locks/SKILL.md", DefinitionTestData.Skill("pg-locks"));

        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\nskills: [pg-locks]\n");

        Assert.True(result.Succeeded, DefinitionTestData.Describe(result));
        Assert.Equal("pg-locks", Assert.Single(result.Definition!.Skills).Name);
    }

    [Fact]
    public void An_invalid_skill_makes_the_agent_invalid_with_the_skill_file_position()
    {
        using var folder = new TempFolder();
        folder.Write("skills/pg-locks/SKILL.md", DefinitionTestData.Skill("pg-lock"));

        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\nskills: [pg-locks]\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.SkillNameMismatch, folder.PathOf("skills/pg-locks/SKILL.md"), 2, 7), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Secrets_stay_out_of_ToString()
    {
        using var folder = new TempFolder();
        folder.Write("skills/sql-tuning/SKILL.md", DefinitionTestData.Skill("sql-tuning"));
        var definition = DefinitionTestData.LoadAgentYaml(folder, FullAgentYaml).EnsureSuccess();

        var texts = new[]
        {
            definition.ToString(),
            definition.Databases.ToString(),
            string.Join('\n', definition.Databases.Named.Values),
            string.Join('\n', definition.McpServers),
        };

        foreach (var text in texts)
        {
            Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ctx7-key", text, StringComparison.Ordinal);
            Assert.DoesNotContain("top-secret", text, StringComparison.Ordinal);
        }

        Assert.Contains("postgres://app:***@localhost/shop", definition.Databases.ToString(), StringComparison.Ordinal);
        Assert.Contains("env: CONTEXT7_API_KEY", definition.McpServers[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSuccess_throws_with_every_error()
    {
        using var folder = new TempFolder();
        var result = DefinitionTestData.LoadAgentYaml(folder, "persona: prompts/test.md\ntools: [Nope]\nmaxToolRounds: 0\n");

        var exception = Assert.Throws<DefinitionException>(result.EnsureSuccess);

        Assert.Equal([DiagnosticCodes.OutOfRange, DiagnosticCodes.UnknownTool], exception.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Order());
        Assert.Contains("agent.yaml:2:9: error unknown-tool", exception.Message, StringComparison.Ordinal);
    }
}
