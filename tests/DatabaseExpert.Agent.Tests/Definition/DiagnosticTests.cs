using DatabaseExpert.Agent.Definition;

namespace DatabaseExpert.Agent.Tests.Definition;

public sealed class DiagnosticTests
{
    [Fact]
    public void ToString_is_file_line_column_severity_code_message_then_help()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "unknown-key", "unknown key `tols`", "/repo/agent.yaml", 3, 1, "did you mean `tools`?");

        Assert.Equal("/repo/agent.yaml:3:1: error unknown-key: unknown key `tols`\n  help: did you mean `tools`?", diagnostic.ToString());
    }

    [Fact]
    public void ToString_leaves_out_an_unknown_position_and_a_missing_help()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Warning, "skill-not-found", "skill `x` not found", "/repo/agent.yaml", 0, 0);

        Assert.Equal("/repo/agent.yaml: warning skill-not-found: skill `x` not found", diagnostic.ToString());
    }

    [Theory]
    [InlineData("/repo", "agent.yaml:2:5: info ignored-key: m")]
    [InlineData("/elsewhere", "/repo/agent.yaml:2:5: info ignored-key: m")]
    public void ToDisplayString_shows_the_file_relative_to_a_base_directory_it_is_inside(string baseDirectory, string expected)
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Info, "ignored-key", "m", "/repo/agent.yaml", 2, 5);

        Assert.Equal(expected, diagnostic.ToDisplayString(baseDirectory));
    }
}
