using System.Globalization;
using System.Text;

namespace DatabaseExpert.Workspace.Shell;

/// <param name="Command">The command as given.</param>
/// <param name="ExitCode">Exit status; null when the command was killed for the timeout or a cancellation.</param>
/// <param name="Output">Standard output and error interleaved, capped with a note where characters were left out.</param>
/// <param name="TimedOut">The timeout expired and the whole process group was killed.</param>
/// <param name="Cancelled">The caller cancelled and the whole process group was killed.</param>
/// <param name="Duration">Wall time from start to the end of output.</param>
/// <param name="Timeout">The timeout that applied.</param>
/// <param name="OmittedCharacters">Characters cut from the middle of <paramref name="Output"/>.</param>
/// <param name="StoppedBackgroundProcesses">Processes the command left running in the background were killed.</param>
public sealed record BashResult(
    string Command,
    int? ExitCode,
    string Output,
    bool TimedOut,
    bool Cancelled,
    TimeSpan Duration,
    TimeSpan Timeout,
    long OmittedCharacters,
    bool StoppedBackgroundProcesses)
{
    public bool Succeeded => ExitCode == 0;

    public string ToModelText()
    {
        var builder = new StringBuilder(Output.Length + 200);
        builder.Append(Output.Length == 0 ? "(no output)\n" : Output);
        if (Output.Length > 0 && !Output.EndsWith('\n'))
        {
            builder.Append('\n');
        }

        if (TimedOut)
        {
            builder.Append(CultureInfo.InvariantCulture, $"[Timed out after {Timeout.TotalSeconds:0.#} s; the command and all of its ")
                .Append("processes were killed. Pass a longer timeout if it needs more time, or run less at once.]\n");
        }
        else if (Cancelled)
        {
            builder.Append("[Cancelled; the command and all of its processes were killed.]\n");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"[Exit code {ExitCode}]\n");
        }

        if (StoppedBackgroundProcesses)
        {
            builder.Append("[Processes the command left running in the background were stopped when it finished.]\n");
        }

        return builder.ToString();
    }
}
