namespace DatabaseExpert.Agent.Definition;

/// <summary>The stable ids of definition and skill diagnostics. Never rename one: scripts and tests match on them.</summary>
public static class DiagnosticCodes
{
    public const string AgentNotFound = "agent-not-found";
    public const string BuiltInAgent = "built-in-agent";
    public const string FileNotFound = "file-not-found";
    public const string FileUnreadable = "file-unreadable";
    public const string YamlSyntax = "yaml-syntax";
    public const string DuplicateKey = "duplicate-key";
    public const string UnknownKey = "unknown-key";
    public const string IgnoredKey = "ignored-key";
    public const string IgnoredValue = "ignored-value";
    public const string WrongType = "wrong-type";
    public const string MissingKey = "missing-key";
    public const string InvalidValue = "invalid-value";
    public const string OutOfRange = "out-of-range";
    public const string ValueTooLong = "value-too-long";
    public const string UndefinedVariable = "undefined-variable";
    public const string InvalidVariable = "invalid-variable";
    public const string MissingFrontmatter = "missing-frontmatter";
    public const string UnterminatedFrontmatter = "unterminated-frontmatter";
    public const string EmptyBody = "empty-body";
    public const string UnknownTool = "unknown-tool";
    public const string UnavailableTool = "unavailable-tool";
    public const string ToolNameCase = "tool-name-case";
    public const string ToolPatternIgnored = "tool-pattern-ignored";
    public const string UnknownMcpServer = "unknown-mcp-server";
    public const string InvalidModel = "invalid-model";
    public const string SkillNotFound = "skill-not-found";
    public const string SkillNameMismatch = "skill-name-mismatch";
    public const string InvalidSkillName = "invalid-skill-name";
    public const string SkillBodyTooLong = "skill-body-too-long";
    public const string DuplicateEntry = "duplicate-entry";
}
