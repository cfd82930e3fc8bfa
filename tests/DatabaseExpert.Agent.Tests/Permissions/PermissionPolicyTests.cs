using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Tests.Permissions;

public sealed class PermissionPolicyTests
{
    private static readonly CommandRules Rules = new(["git status*"], ["rm -rf *"]);

    [Theory]
    [InlineData(PermissionMode.Ask, ToolAccess.ReadOnly, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Ask, ToolAccess.Edit, PermissionOutcome.Ask)]
    [InlineData(PermissionMode.Ask, ToolAccess.Execute, PermissionOutcome.Ask)]
    [InlineData(PermissionMode.Ask, ToolAccess.DatabaseWrite, PermissionOutcome.Ask)]
    [InlineData(PermissionMode.AcceptEdits, ToolAccess.ReadOnly, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.AcceptEdits, ToolAccess.Edit, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.AcceptEdits, ToolAccess.Execute, PermissionOutcome.Ask)]
    [InlineData(PermissionMode.AcceptEdits, ToolAccess.DatabaseWrite, PermissionOutcome.Ask)]
    [InlineData(PermissionMode.Plan, ToolAccess.ReadOnly, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Plan, ToolAccess.Edit, PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Plan, ToolAccess.Execute, PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Plan, ToolAccess.DatabaseWrite, PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Bypass, ToolAccess.ReadOnly, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Bypass, ToolAccess.Edit, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Bypass, ToolAccess.Execute, PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Bypass, ToolAccess.DatabaseWrite, PermissionOutcome.Ask)]
    public void Each_mode_decides_by_access_class(PermissionMode mode, ToolAccess access, PermissionOutcome expected) =>
        Assert.Equal(expected, new PermissionPolicy(mode, CommandRules.None).Decide(access).Outcome);

    [Theory]
    [InlineData(PermissionMode.Ask, "git status", PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Ask, "touch x", PermissionOutcome.Ask)]
    [InlineData(PermissionMode.AcceptEdits, "git status", PermissionOutcome.Allow)]
    [InlineData(PermissionMode.AcceptEdits, "git status && touch x", PermissionOutcome.Ask)]
    [InlineData(PermissionMode.Plan, "git status", PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Bypass, "touch x", PermissionOutcome.Allow)]
    [InlineData(PermissionMode.Bypass, "rm -rf build", PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Bypass, "git status && rm -rf build", PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Bypass, "echo $(rm -rf build)", PermissionOutcome.Deny)]
    [InlineData(PermissionMode.Ask, "rm -rf build", PermissionOutcome.Deny)]
    public void Shell_commands_apply_the_patterns_with_deny_winning_in_every_mode(PermissionMode mode, string command, PermissionOutcome expected) =>
        Assert.Equal(expected, new PermissionPolicy(mode, Rules).Decide(ToolAccess.Execute, command).Outcome);

    [Fact]
    public void Decisions_explain_themselves()
    {
        var policy = new PermissionPolicy(PermissionMode.Ask, Rules);

        Assert.Equal("allowed by the pattern 'git status*'", policy.Decide(ToolAccess.Execute, "git status").Reason);
        Assert.Equal(
            "the command matches the deny pattern 'rm -rf *' in agent.yaml permissions.bash.deny",
            policy.Decide(ToolAccess.Execute, "rm -rf build").Reason);
        Assert.Equal("'touch x' matches no allow pattern", policy.Decide(ToolAccess.Execute, "touch x").Reason);
        Assert.Equal("file changes need approval in ask mode", policy.Decide(ToolAccess.Edit).Reason);
        policy.Mode = PermissionMode.Plan;
        Assert.StartsWith("plan mode allows read-only tools only", policy.Decide(ToolAccess.Edit).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", PermissionMode.Ask)]
    [InlineData("default", PermissionMode.Ask)]
    [InlineData("accept-edits", PermissionMode.AcceptEdits)]
    [InlineData("acceptEdits", PermissionMode.AcceptEdits)]
    [InlineData(" PLAN ", PermissionMode.Plan)]
    [InlineData("bypass", PermissionMode.Bypass)]
    [InlineData("bypassPermissions", PermissionMode.Bypass)]
    public void Mode_names_parse_including_claude_code_spellings(string text, PermissionMode expected)
    {
        Assert.True(PermissionModes.TryParse(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yolo")]
    public void Unknown_mode_names_do_not_parse(string? text) => Assert.False(PermissionModes.TryParse(text, out _));

    [Fact]
    public void Every_mode_round_trips_through_its_name()
    {
        foreach (var mode in Enum.GetValues<PermissionMode>())
        {
            Assert.True(PermissionModes.TryParse(mode.ToName(), out var parsed));
            Assert.Equal(mode, parsed);
        }

        Assert.Equal(PermissionModes.Names, Enum.GetValues<PermissionMode>().Select(m => m.ToName()));
    }

    [Fact]
    public async Task Non_interactive_approval_refuses_with_the_way_out()
    {
        var response = await new NonInteractiveApproval().RequestAsync(
            new ApprovalRequest("Bash", ToolAccess.Execute, "touch x", "$ touch x", "'touch x' matches no allow pattern"), CancellationToken.None);

        Assert.Equal(ApprovalChoice.Deny, response.Choice);
        Assert.Equal(
            "Bash needs approval ('touch x' matches no allow pattern) and nobody can approve in a non-interactive run; "
            + "rerun with --permission-mode accept-edits or bypass, or add an allow pattern in agent.yaml",
            response.Note);
    }
}
