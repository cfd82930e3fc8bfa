using System.CommandLine;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// Turns <c>--db</c> (or agent.yaml's databases, or DATABASE_URL) into an open <see cref="DatabaseHandle"/> for every
/// database command, with the documented exit codes: 2 when nothing usable is configured, 3 when the server is down
/// (DbxApp maps a <see cref="DatabaseUnavailableException"/> from any later connection attempt to 3 as well).
/// </summary>
public static class DatabaseOption
{
    public static DatabaseTarget Resolve(CliHost host, ParseResult parse)
    {
        // A broken agent.yaml must not stop a command that was given --db explicitly, so only a valid one is consulted.
        var loaded = host.LoadAgent(parse.GetValue(GlobalOptions.Config));
        var databases = loaded.Definition?.Databases;
        var named = databases?.Named.Values.Select(d => new NamedDatabase(d.Name, d.Url, d.ReadOnly)).ToList() ?? [];
        try
        {
            return DatabaseTargets.Resolve(
                parse.GetValue(GlobalOptions.Database), named, databases?.Default, databases?.ReadOnly ?? true, host.GetVariable);
        }
        catch (DatabaseTargetException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static async Task<DatabaseHandle> OpenAsync(CliHost host, ParseResult parse, CancellationToken cancellationToken)
    {
        var target = Resolve(host, parse);
        try
        {
            return await DatabaseHandle.OpenAsync(target, cancellationToken);
        }
        catch (Postgres.Shadow.ShadowClusterException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Runtime);
        }
    }
}
