using System.Diagnostics;
using System.Globalization;
using DatabaseExpert.Workspace.Shell;

namespace DatabaseExpert.Workspace.Tests.Shell;

public sealed class BashToolTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("true", 0)]
    [InlineData("exit 3", 3)]
    [InlineData("false || exit 42", 42)]
    public async Task ReportsTheExitCode(string command, int exitCode)
    {
        var result = await Tool().RunAsync(command);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0, result.Succeeded);
        Assert.False(result.TimedOut);
        Assert.False(result.Cancelled);
        Assert.Contains($"[Exit code {exitCode}]", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsInTheWorkspaceRoot()
    {
        var result = await Tool().RunAsync("pwd -P");

        Assert.Equal(_workspace.Jail.Root + "\n", result.Output);
    }

    [Fact]
    public async Task InterleavesStdoutAndStderrInOrder()
    {
        var result = await Tool().RunAsync("echo one; echo two >&2; echo three; echo four >&2");

        Assert.Equal("one\ntwo\nthree\nfour\n", result.Output);
    }

    [Fact]
    public async Task StdinIsDevNull()
    {
        var result = await Tool().RunAsync("readlink /proc/self/fd/0; cat; echo end");

        Assert.Equal("/dev/null\nend\n", result.Output);
    }

    [Fact]
    public async Task Timeout_KillsTheWholeProcessTree()
    {
        var result = await Tool().RunAsync("sleep 300 & echo $!; (sleep 301 & echo $!; wait); sleep 302", TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.Contains("Timed out after 1 s", result.ToModelText(), StringComparison.Ordinal);
        var pids = Pids(result.Output);
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} survived the timeout"));
    }

    [Fact]
    public async Task Cancellation_KillsTheWholeProcessTree()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new Progress(chunk =>
        {
            if (chunk.Contains('\n', StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        });

        var result = await Tool().RunAsync("sleep 300 & echo $!; wait", output: started, cancellationToken: cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.False(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.Contains("Cancelled", result.ToModelText(), StringComparison.Ordinal);
        var pid = Assert.Single(Pids(result.Output));
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task BackgroundProcessesLeftBehind_AreStopped()
    {
        var result = await Tool().RunAsync("sleep 300 & echo $!");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.StoppedBackgroundProcesses);
        Assert.False(IsRunning(Assert.Single(Pids(result.Output))));
        Assert.Contains("left running in the background were stopped", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADaemonThatEscapedIntoItsOwnSession_DoesNotHangTheCommand()
    {
        var result = await Tool().RunAsync("setsid sleep 300 & echo $!");
        var daemon = Process.GetProcessById(Assert.Single(Pids(result.Output)));
        try
        {
            Assert.Equal(0, result.ExitCode);
            Assert.False(daemon.HasExited);
        }
        finally
        {
            daemon.Kill();
            daemon.Dispose();
        }
    }

    [Fact]
    public async Task ACommandThatLeavesNothingBehind_SaysNothingAboutBackgroundProcesses()
    {
        var result = await Tool().RunAsync("echo hi");

        Assert.False(result.StoppedBackgroundProcesses);
    }

    [Fact]
    public async Task LongOutput_KeepsHeadAndTailWithANote()
    {
        var full = string.Concat(Enumerable.Range(1, 20000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n"));

        var result = await Tool(new WorkspaceToolOptions { BashMaxOutputChars = 1000 }).RunAsync("seq 1 20000");

        Assert.Equal(full.Length - 1000, result.OmittedCharacters);
        Assert.Equal(
            $"{full[..500]}\n[... {full.Length - 1000:N0} characters omitted ...]\n{full[^500..]}",
            result.Output);
    }

    [Fact]
    public async Task StreamsOutputAsItArrives()
    {
        var chunks = new List<string>();

        var result = await Tool().RunAsync("echo a; echo b", output: new Progress(chunks.Add));

        Assert.Equal(result.Output, string.Concat(chunks));
    }

    [Fact]
    public async Task SecretsOfTheAgent_AreNotPassedOn()
    {
        string[] secrets = ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "CONTEXT7_API_KEY"];
        var previous = secrets.Append("DBX_TEST_VISIBLE").ToDictionary(name => name, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in secrets)
            {
                Environment.SetEnvironmentVariable(name, "sk-test-" + name);
            }

            Environment.SetEnvironmentVariable("DBX_TEST_VISIBLE", "yes");

            var result = await Tool().RunAsync("env");

            Assert.Contains("DBX_TEST_VISIBLE=yes", result.Output, StringComparison.Ordinal);
            Assert.All(secrets, name => Assert.DoesNotContain(name, result.Output, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public async Task TimeoutAboveTheMaximum_IsCappedToIt()
    {
        var tool = Tool(new WorkspaceToolOptions { BashMaxTimeout = TimeSpan.FromSeconds(200) });

        var result = await tool.RunAsync("true", TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromSeconds(200), result.Timeout);
    }

    [Fact]
    public async Task DefaultTimeout_Applies()
    {
        var result = await Tool().RunAsync("true");

        Assert.Equal(WorkspaceToolOptions.Default.BashDefaultTimeout, result.Timeout);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("true", 0)]
    [InlineData("true", -5)]
    public async Task InvalidArguments_AreRefused(string command, int timeoutSeconds)
    {
        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().RunAsync(command, TimeSpan.FromSeconds(timeoutSeconds)));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task NoOutput_IsSaidPlainly()
    {
        var result = await Tool().RunAsync("true");

        Assert.StartsWith("(no output)\n", result.ToModelText(), StringComparison.Ordinal);
    }

    private BashTool Tool(WorkspaceToolOptions? options = null) =>
        new(_workspace.Jail, options ?? WorkspaceToolOptions.Default, TimeProvider.System);

    private static List<int> Pids(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => int.Parse(line, CultureInfo.InvariantCulture))];

    /// <summary>Alive and not a zombie: a killed process may linger as a zombie until its new parent reaps it.</summary>
    private static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
    }

    /// <summary>Reports synchronously, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
