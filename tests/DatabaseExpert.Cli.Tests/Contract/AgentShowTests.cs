using System.Globalization;
using System.Text;
using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class AgentShowTests : IDisposable
{
    private const string DatabasePassword = "hunter2-pw-8842";
    private const string DatabaseUrl = $"postgres://app:{DatabasePassword}@db.example.com:5432/shop";

    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Text_lists_model_source_tools_skills_with_sizes_and_mcp_servers()
    {
        var environment = TestEnvironment.Base();
        environment["DBX_MODEL"] = "openai:test-model";
        environment["OPENAI_API_KEY"] = TestEnvironment.ApiKey;

        var text = await DbxRunner.RunAsync(["agent", "show"], _workspace.Options(environment));
        var json = await DbxRunner.RunAsync(["agent", "show", "--format", "json"], _workspace.Options(environment));

        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        var rows = Rows(text.Stdout);
        Assert.StartsWith(TestWorkspace.AgentName, rows["Agent"], StringComparison.Ordinal);
        Assert.Equal("agent.yaml", rows["Source"]);
        Assert.Equal("openai:test-model (from DBX_MODEL) · ready", rows["Model"]);
        Assert.StartsWith("Read, Write, Edit, Glob, Grep, Bash, Skills", rows["Tools"], StringComparison.Ordinal);
        Assert.StartsWith("ask · bash allow: ls* · deny: rm -rf /*", rows["Permissions"], StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.Stdout);
        var skill = document.RootElement.GetProperty("skills")[0];
        var bodyBytes = skill.GetProperty("bodyBytes").GetInt64();
        var fileBytes = skill.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("bytes").GetInt64());
        var skillLine = text.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith(TestWorkspace.SkillName + " ", StringComparison.Ordinal));
        Assert.Contains($"skills/{TestWorkspace.SkillName}", skillLine, StringComparison.Ordinal);
        Assert.Contains($"SKILL.md {bodyBytes} B, {skill.GetProperty("bodyLines").GetInt32()} lines", skillLine, StringComparison.Ordinal);
        Assert.Contains($"1 file · {bodyBytes + fileBytes} B in all", skillLine, StringComparison.Ordinal);
        Assert.Contains("context7: npx -y @upstash/context7-mcp (disabled)", text.Stdout, StringComparison.Ordinal);
        Assert.Empty(text.Stderr);
    }

    [Fact]
    public async Task Text_without_a_model_says_so_and_still_exits_0()
    {
        var result = await DbxRunner.RunAsync(["agent", "show"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("(none)", Rows(result.Stdout)["Model"], StringComparison.Ordinal);
        Assert.Contains("dbx chat", Rows(result.Stdout)["Model"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_every_documented_field()
    {
        var environment = TestEnvironment.Base();
        environment["DBX_MODEL"] = "openai:test-model";

        var result = await DbxRunner.RunAsync(["agent", "show", "--format", "json"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(TestWorkspace.AgentName, root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("description").GetString()));
        Assert.Equal(_workspace.PathOf("agent.yaml"), root.GetProperty("source").GetString());
        Assert.Equal(_workspace.PathOf("prompts/expert.md"), root.GetProperty("persona").GetProperty("file").GetString());
        Assert.Equal(1, root.GetProperty("persona").GetProperty("lines").GetInt32());

        var model = root.GetProperty("model");
        Assert.Equal("openai:test-model", model.GetProperty("value").GetString());
        Assert.Equal("DBX_MODEL", model.GetProperty("source").GetString());
        Assert.False(model.GetProperty("ready").GetBoolean());
        Assert.Contains("OPENAI_API_KEY", model.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("endpoint").ValueKind);

        Assert.Equal(["Read", "Write", "Edit", "Glob", "Grep", "Bash", "Skills"],
            root.GetProperty("tools").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("ask", root.GetProperty("permissions").GetProperty("mode").GetString());
        Assert.Equal(["ls*"], root.GetProperty("permissions").GetProperty("bashAllow").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(["rm -rf /*"], root.GetProperty("permissions").GetProperty("bashDeny").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(8, root.GetProperty("maxToolRounds").GetInt32());

        var skill = Assert.Single(root.GetProperty("skills").EnumerateArray());
        Assert.Equal(TestWorkspace.SkillName, skill.GetProperty("name").GetString());
        Assert.Equal(_workspace.PathOf($"skills/{TestWorkspace.SkillName}"), skill.GetProperty("directory").GetString());
        Assert.True(skill.GetProperty("bodyBytes").GetInt64() > 0);
        var file = Assert.Single(skill.GetProperty("files").EnumerateArray());
        Assert.Equal("references/partial-indexes.md", file.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(_workspace.PathOf($"skills/{TestWorkspace.SkillName}/references/partial-indexes.md")).Length,
            file.GetProperty("bytes").GetInt64());

        var server = Assert.Single(root.GetProperty("mcpServers").EnumerateArray());
        Assert.Equal("context7", server.GetProperty("name").GetString());
        Assert.Equal("npx", server.GetProperty("command").GetString());
        Assert.Equal(["-y", "@upstash/context7-mcp"], server.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.False(server.GetProperty("enabled").GetBoolean());
        Assert.Equal(_workspace.Root, root.GetProperty("workingDirectory").GetString());
    }

    [Fact]
    public async Task Persona_size_is_counted_in_bytes()
    {
        var result = await DbxRunner.RunAsync(["agent", "show", "--format", "json"], _workspace.Options());
        var text = await DbxRunner.RunAsync(["agent", "show"], _workspace.Options());

        using var document = JsonDocument.Parse(result.Stdout);
        var bytes = Encoding.UTF8.GetByteCount(TestWorkspace.PersonaText);
        Assert.NotEqual(TestWorkspace.PersonaText.Length, bytes);
        Assert.Equal(bytes, document.RootElement.GetProperty("persona").GetProperty("bytes").GetInt32());
        Assert.Equal($"prompts/expert.md ({bytes.ToString(CultureInfo.InvariantCulture)} B, 1 lines)", Rows(text.Stdout)["Persona"]);
    }

    [Fact]
    public async Task Databases_are_shown_readably_with_the_password_masked()
    {
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = DatabaseUrl;

        var text = await DbxRunner.RunAsync(["agent", "show"], _workspace.Options(environment));
        var json = await DbxRunner.RunAsync(["agent", "show", "--format", "json"], _workspace.Options(environment));
        var none = await DbxRunner.RunAsync(["agent", "show"], _workspace.Options());

        var row = Rows(text.Stdout)["Databases"];
        Assert.Contains("postgres://app:***@db.example.com:5432/shop", row, StringComparison.Ordinal);
        Assert.Contains("read-only", row, StringComparison.Ordinal);
        Assert.DoesNotContain("DatabaseSettings", row, StringComparison.Ordinal);
        Assert.StartsWith("(none", Rows(none.Stdout)["Databases"], StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var databases = document.RootElement.GetProperty("databases");
        Assert.Equal("postgres://app:***@db.example.com:5432/shop", databases.GetProperty("default").GetString());
        Assert.True(databases.GetProperty("readOnly").GetBoolean());
        Assert.Empty(databases.GetProperty("named").EnumerateObject());
        Assert.DoesNotContain(DatabasePassword, text.Stdout + json.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The label/value grid at the top of the text output, values with trailing padding removed.</summary>
    private static Dictionary<string, string> Rows(string stdout)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            if (split <= 0 || line.StartsWith(' '))
            {
                continue;
            }

            rows.TryAdd(line[..split], line[split..].Trim());
        }

        return rows;
    }
}
