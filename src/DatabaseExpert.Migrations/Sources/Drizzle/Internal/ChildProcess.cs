using System.Diagnostics;
using System.Text;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>How a child process ended. <see cref="Output"/> is stdout then stderr.</summary>
internal sealed record ChildOutcome(int ExitCode, string Output, bool TimedOut);

/// <summary>
/// Runs a program without a terminal: stdin is closed at once (so a prompt sees end of input instead of waiting), output
/// is captured, and the whole process tree is killed when the time is up or the caller cancels.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildOutcome> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ChildOutcome(-1, await stdout + await stderr, TimedOut: true);
        }

        return new ChildOutcome(process.ExitCode, await stdout + await stderr, TimedOut: false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }
}
