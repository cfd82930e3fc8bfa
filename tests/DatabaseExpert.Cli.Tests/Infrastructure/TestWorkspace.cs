namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>
/// A temporary folder holding its own agent.yaml, persona and one skill, so tests never depend on the repository's
/// real definition. It sits outside any git repository, so dbx looks for agent.yaml in it and nowhere above.
/// </summary>
public sealed class TestWorkspace : IDisposable
{
    public const string AgentName = "test-agent";
    public const string SkillName = "pg-tips";
    // Non-ASCII on purpose: sizes are shown in bytes, not characters.
    public const string PersonaText = "You are a careful PostgreSQL expert used in tests — réponds brièvement.";

    private TestWorkspace(string root) => Root = root;

    public string Root { get; }

    public string SessionsDirectory => PathOf(".dbx/sessions");

    /// <summary>A workspace with agent.yaml (tools Read, Write, Edit, Glob, Grep, Bash; the given permission mode), persona and skill.</summary>
    public static TestWorkspace Create(string permissionMode = "ask")
    {
        var workspace = CreateEmpty();
        workspace.Write("agent.yaml", $$"""
            name: {{AgentName}}
            persona: prompts/expert.md
            skills: [{{SkillName}}]
            tools: [Read, Write, Edit, Glob, Grep, Bash]
            maxToolRounds: 8
            permissions:
              mode: {{permissionMode}}
              bash:
                allow: ["ls*"]
                deny: ["rm -rf /*"]
            databases:
              default: ${DATABASE_URL:-}
            mcpServers:
              context7:
                command: npx
                args: ["-y", "@upstash/context7-mcp"]
                enabled: false

            """);
        workspace.Write("prompts/expert.md", $"""
            ---
            name: {AgentName}
            description: A PostgreSQL expert for the dbx CLI tests.
            ---
            {PersonaText}

            """);
        workspace.Write($"skills/{SkillName}/SKILL.md", $"""
            ---
            name: {SkillName}
            description: Index tips for PostgreSQL.
            ---
            # Index tips
            Prefer a partial index when most rows never match the filter.

            """);
        workspace.Write($"skills/{SkillName}/references/partial-indexes.md", "CREATE INDEX ... WHERE deleted_at IS NULL;\n");
        return workspace;
    }

    /// <summary>An empty folder; a test adds what it needs.</summary>
    public static TestWorkspace CreateEmpty()
    {
        var root = Path.Combine(Path.GetTempPath(), "dbx-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestWorkspace(root);
    }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The session transcripts written so far, oldest first.</summary>
    public IReadOnlyList<string> SessionFiles() =>
        Directory.Exists(SessionsDirectory)
            ? Directory.GetFiles(SessionsDirectory, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [];

    public DbxRunOptions Options(IReadOnlyDictionary<string, string?>? environment = null, string? stdin = null) => new()
    {
        WorkingDirectory = Root,
        Environment = environment ?? TestEnvironment.Base(),
        Stdin = stdin,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file open (a killed terminal session) must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
