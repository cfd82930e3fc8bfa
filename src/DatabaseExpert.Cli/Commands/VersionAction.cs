using System.CommandLine;
using System.CommandLine.Invocation;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>--version</c> prints dbx's own version. The built-in action reads the entry assembly, which is not dbx when
/// the commands run inside another process (tests, a host embedding dbx).
/// </summary>
public sealed class VersionAction(CliHost host) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        host.Out.WriteLine(DbxApp.Version);
        return ExitCodes.Ok;
    }
}
