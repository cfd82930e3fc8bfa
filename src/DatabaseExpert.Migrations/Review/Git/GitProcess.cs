using System.Diagnostics;
using System.Text;

namespace DatabaseExpert.Migrations.Review.Git;

/// <summary>How a git command ended; stdout and stderr apart (git warns on stderr while succeeding).</summary>
internal sealed record GitOutput(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of stderr, for error messages.</summary>
    public string Problem => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                             ?? $"exit code {ExitCode}";
}

/// <summary>Runs git without a terminal or prompts, in a given folder.</summary>
internal static class GitProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <exception cref="ReviewException">git is not installed, or did not finish in time.</exception>
    public static async Task<GitOutput> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        info.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ReviewException("git could not be started.", isEnvironment: true);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ReviewException($"git is not installed or not on PATH ({ex.Message}); install git to review changes against a base", isEnvironment: true);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ReviewException($"`git {string.Join(' ', arguments)}` did not finish within {Timeout.TotalSeconds:0} s.", isEnvironment: true);
            }

            return new GitOutput(process.ExitCode, await stdout, await stderr);
        }
    }
}
