using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Cli.Chat;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Chat;

public sealed class NoModelTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("chat", "-p", "hello")]
    [InlineData("chat")]
    public async Task Without_a_model_chat_shows_the_setup_screen_and_exits_2(params string[] args)
    {
        var environment = TestEnvironment.Base();
        var definition = AgentDefinitionLoader.Load(null, _workspace.Root, environment).EnsureSuccess();
        var screen = NoModelScreen.Render(ModelResolution.Resolve(null, definition, environment.GetValueOrDefault));

        var result = await DbxRunner.RunAsync(args, _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(screen, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("dbx: no model is ready: no model is configured", result.StderrLines[^1]);
        Assert.Empty(result.Stdout);
        Assert.Empty(_workspace.SessionFiles());
    }

    [Fact]
    public async Task A_model_without_its_key_names_the_variable_to_set()
    {
        var environment = TestEnvironment.Base();
        environment["DBX_MODEL"] = "anthropic:sonnet";

        var result = await DbxRunner.RunAsync(["chat", "-p", "hello"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("(from DBX_MODEL)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ANTHROPIC_API_KEY is not set", result.StderrLines[^1], StringComparison.Ordinal);
    }
}
