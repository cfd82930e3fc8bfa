using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Shell.Internal;

namespace DatabaseExpert.Workspace.Shell;

/// <summary>
/// Runs a bash command in the workspace root, in a session of its own, so that a timeout or a cancellation kills
/// every process it started. Standard input is /dev/null; the agent's own API keys are not passed on.
/// </summary>
public sealed class BashTool
{
    private const string BashPath = "/bin/bash";

    // The outer bash points stdin at /dev/null and stderr at stdout (one pipe keeps their order), then becomes the
    // bash that runs the command, so the command sees a plain 'bash -c'.
    private const string Launcher = "exec </dev/null 2>&1; exec /bin/bash -c \"$1\"";

    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    // After the kill, output ends as soon as the pipe closes; a daemon that escaped into its own session may hold
    // the pipe open, so the wait for the last output is bounded.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;
    private readonly TimeProvider _timeProvider;

    public BashTool(WorkspaceJail jail, WorkspaceToolOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        _jail = jail;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <param name="command">The bash command line.</param>
    /// <param name="timeout">Time allowed; the configured default when null, at most the configured maximum.</param>
    /// <param name="output">Receives output as it arrives, e.g. to show progress; the result holds it all anyway.</param>
    /// <param name="cancellationToken">Kills the command; the result then says so (no exception is thrown).</param>
    public async Task<BashResult> RunAsync(
        string command, TimeSpan? timeout = null, IProgress<string>? output = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.InvalidArgument, null, "The command is empty. Pass a bash command line.");
        }

        if (timeout is { } requested && requested <= TimeSpan.Zero)
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.InvalidArgument,
                null,
                $"The timeout must be positive, but was {requested}. Leave it out for the default.");
        }

        // A model asking for more than the maximum gets the maximum rather than an error.
        var limit = timeout ?? _options.BashDefaultTimeout;
        limit = limit > _options.BashMaxTimeout ? _options.BashMaxTimeout : limit;
        var buffer = new HeadTailBuffer(_options.BashMaxOutputChars);
        using var process = new Process { StartInfo = CreateStartInfo(command) };
        var started = _timeProvider.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new WorkspaceToolException(WorkspaceErrorKind.IoError, null, $"Could not start bash: {ex.Message}", ex);
        }

        // setsid made the shell a session and process group leader: its pid is the group id.
        var group = process.Id;
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, buffer, output),
            PumpAsync(process.StandardError, buffer, output));

        var (timedOut, cancelled) = (false, false);
        using (var timeoutSource = new CancellationTokenSource(limit, _timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken))
        {
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled = cancellationToken.IsCancellationRequested;
                timedOut = !cancelled;
            }
        }

        var strays = !timedOut && !cancelled && ProcessGroup.HasLiveMembers(group);
        ProcessGroup.Kill(group);
        await process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await pumps.WaitAsync(DrainGrace, _timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // An escaped daemon holds the pipe; what arrived so far is the output.
        }

        return new BashResult(
            command,
            timedOut || cancelled ? null : process.ExitCode,
            buffer.ToText(),
            timedOut,
            cancelled,
            _timeProvider.GetElapsedTime(started),
            limit,
            buffer.OmittedCharacters,
            strays);
    }

    private ProcessStartInfo CreateStartInfo(string command)
    {
        var setsid = SetsidCandidates.FirstOrDefault(File.Exists)
            ?? throw new WorkspaceToolException(
                WorkspaceErrorKind.IoError,
                null,
                $"Bash needs 'setsid' (util-linux) to run commands in their own process group, and it is not at "
                + $"{string.Join(" or ", SetsidCandidates)}. Install util-linux.");
        var startInfo = new ProcessStartInfo(setsid)
        {
            WorkingDirectory = _jail.Root,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { BashPath, "-c", Launcher, "bash", command })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in _options.RemovedEnvironmentVariables)
        {
            startInfo.Environment.Remove(name);
        }

        return startInfo;
    }

    private static async Task PumpAsync(StreamReader reader, HeadTailBuffer buffer, IProgress<string>? output)
    {
        var chunk = new char[4096];
        try
        {
            // No token: reading ends when every process holding the pipe is gone, which the kill guarantees.
            int read;
            while ((read = await reader.ReadAsync(chunk.AsMemory())) > 0)
            {
                buffer.Append(chunk.AsSpan(0, read));
                output?.Report(new string(chunk, 0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process was disposed while an escaped daemon still held the pipe: the output so far is kept.
        }
    }
}
