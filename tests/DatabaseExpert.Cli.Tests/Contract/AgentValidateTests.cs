using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class AgentValidateTests : IDisposable
{
    private const string BadAgentYaml = """
        name: broken
        persona: prompts/expert.md
        tools: [Read, Frobnicate]

        """;

    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Valid_definition_exits_0_and_names_the_file()
    {
        var result = await DbxRunner.RunAsync(["agent", "validate"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("agent.yaml: valid", result.Stdout.Trim());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Invalid_definition_exits_2_with_file_line_column_and_help()
    {
        _workspace.Write("agent.yaml", BadAgentYaml);
        var (line, column) = PositionOf(BadAgentYaml, "Frobnicate");

        var result = await DbxRunner.RunAsync(["agent", "validate"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith($"agent.yaml:{line}:{column}: error unknown-tool: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("Frobnicate", result.StderrLines[0], StringComparison.Ordinal);
        Assert.StartsWith("  help: ", result.StderrLines[1], StringComparison.Ordinal);
        Assert.EndsWith(": 1 error", result.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_reports_validity_source_and_each_diagnostic_with_its_position()
    {
        _workspace.Write("agent.yaml", BadAgentYaml);
        var (line, column) = PositionOf(BadAgentYaml, "Frobnicate");

        var result = await DbxRunner.RunAsync(["agent", "validate", "--format", "json"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.True(root.TryGetProperty("source", out _));
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("unknown-tool", diagnostic.GetProperty("code").GetString());
        Assert.Contains("Frobnicate", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(_workspace.PathOf("agent.yaml"), diagnostic.GetProperty("file").GetString());
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(column, diagnostic.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetProperty("help").GetString()));
    }

    [Fact]
    public async Task Json_for_a_valid_definition_has_no_diagnostics()
    {
        var result = await DbxRunner.RunAsync(["agent", "validate", "--format", "json"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(_workspace.PathOf("agent.yaml"), json.RootElement.GetProperty("source").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Missing_definition_exits_2_and_says_how_to_create_one()
    {
        using var empty = TestWorkspace.CreateEmpty();

        var result = await DbxRunner.RunAsync(["agent", "validate"], empty.Options());

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("error agent-not-found", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--agent", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_persona_alone_is_valid_with_a_warning_per_missing_skill()
    {
        using var folder = TestWorkspace.CreateEmpty();
        File.Copy(RepositoryPaths.TestData("seed-persona.md"), folder.PathOf("seed-persona.md"));
        var skills = FrontmatterList(folder.Read("seed-persona.md"), "skills");

        var result = await DbxRunner.RunAsync(["agent", "validate", "--agent", "seed-persona.md"], folder.Options());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.NotEmpty(skills);
        var warnings = result.Stdout.Split('\n').Where(l => l.Contains(": warning skill-not-found:", StringComparison.Ordinal)).ToList();
        Assert.Equal(skills.Count, warnings.Count);
        foreach (var skill in skills)
        {
            Assert.Single(warnings, w =>
                w.StartsWith("seed-persona.md:", StringComparison.Ordinal) && w.Contains($"`{skill}`", StringComparison.Ordinal));
        }

        Assert.Equal($"seed-persona.md: valid ({skills.Count} warnings)", result.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_agent_definition_is_valid_and_shows_its_skills()
    {
        var options = new DbxRunOptions { WorkingDirectory = RepositoryPaths.Root };

        var validate = await DbxRunner.RunAsync(["agent", "validate"], options);
        var show = await DbxRunner.RunAsync(["agent", "show", "--format", "json"], options);

        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.ToString());
        Assert.StartsWith("agent.yaml: valid", validate.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.True(show.ExitCode == ExitCodes.Ok, show.ToString());
        using var json = JsonDocument.Parse(show.Stdout);
        var skills = json.RootElement.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        var agentYaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "agent.yaml"));
        var expected = FrontmatterList(agentYaml, "skills").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, skills.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "agent.yaml"), json.RootElement.GetProperty("source").GetString());
    }

    private static (int Line, int Column) PositionOf(string text, string word)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(word, StringComparison.Ordinal));
        return (index + 1, lines[index].IndexOf(word, StringComparison.Ordinal) + 1);
    }

    /// <summary>A one-line list (<c>key: a, b</c> or <c>key: [a, b]</c>), read the simple way these files write it.</summary>
    private static List<string> FrontmatterList(string markdown, string key)
    {
        var line = markdown.Split('\n').First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line[(key.Length + 1)..].Split('#')[0].Trim().Trim('[', ']')
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
