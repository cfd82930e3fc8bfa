namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>Runs a dbx command in-process through <see cref="DbxApp.RunAsync"/> with captured streams.</summary>
public static class DbxRunner
{
    public static async Task<DbxResult> RunAsync(string[] args, DbxRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var outText = new StringWriter();
        using var errorText = new StringWriter();
        var output = TextWriter.Synchronized(outText);
        var error = TextWriter.Synchronized(errorText);
        var host = new CliHost
        {
            Out = output,
            Error = error,
            In = new StringReader(options.Stdin ?? string.Empty),
            WorkingDirectory = options.WorkingDirectory,
            Environment = options.Environment,
            IsInteractive = options.IsInteractive,
            InputRedirected = options.Stdin is not null,
            SupportsAnsi = options.SupportsAnsi,
            TerminalWidth = 200,
        };

        using var cancellation = new CancellationTokenSource();
        var run = options.BuildRoot is null
            ? DbxApp.RunAsync(args, host, cancellation.Token)
            : DbxApp.RunTreeAsync(options.BuildRoot(host), args, host, cancellation.Token);
        try
        {
            var exitCode = await run.WaitAsync(options.Timeout);
            return new DbxResult(exitCode, outText.ToString(), errorText.ToString());
        }
        catch (TimeoutException)
        {
            await cancellation.CancelAsync();
            throw new TimeoutException(
                $"`dbx {string.Join(' ', args)}` did not finish within {options.Timeout.TotalSeconds:0} s."
                + $"\n--- stdout so far ---\n{outText}\n--- stderr so far ---\n{errorText}");
        }
    }
}
