using System.Diagnostics;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Runs PostgreSQL's command line programs with a clean environment and captures their output.</summary>
internal static class CommandRunner
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(15);

    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            throw;
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Synchronous form for quick probes (<c>--version</c>, <c>pg_config</c>).</summary>
    public static CommandResult Run(string fileName, IReadOnlyList<string> arguments)
    {
        using var process = Start(fileName, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(SyncTimeout))
        {
            TryKill(process);
            return new CommandResult(-1, "", $"{fileName} did not finish within {SyncTimeout.TotalSeconds:0} s.");
        }

        return new CommandResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static Process Start(string fileName, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            // The service user may not be allowed into our working directory (e.g. /root).
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // PGDATA, PGPORT, PGOPTIONS… from the caller's shell must not leak into our private server.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["LC_MESSAGES"] = "C";
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
