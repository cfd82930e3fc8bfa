using System.Diagnostics;
using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Safety;
using DatabaseExpert.Postgres.Shadow;
using Npgsql;

namespace DatabaseExpert.Cli.Doctor;

/// <summary>The checks behind <c>dbx doctor</c>. Each is independent, bounded in time, and never throws.</summary>
public sealed class EnvironmentChecks(CliHost host, TimeSpan networkTimeout)
{
    public const string DefaultContext7Url = "https://mcp.context7.com/mcp";

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(string? agentPath, string? database, CancellationToken cancellationToken)
    {
        var loaded = host.LoadAgent(agentPath);
        var checks = new List<DoctorCheck> { Agent(loaded) };
        checks.AddRange(Postgres());
        checks.Add(await NodeAsync(cancellationToken));
        checks.Add(Model(loaded.Definition));
        checks.Add(await Context7Async(loaded.Definition, cancellationToken));
        checks.Add(await DatabaseAsync(database ?? loaded.Definition?.Databases.Default ?? host.GetVariable("DATABASE_URL"), cancellationToken));
        return checks;
    }

    private DoctorCheck Agent(AgentLoadResult loaded)
    {
        const string Name = "agent definition";
        var errors = loaded.Errors.Count();
        var warnings = loaded.Warnings.Count();
        if (!loaded.Succeeded || loaded.Definition is null)
        {
            var first = loaded.Errors.FirstOrDefault()?.ToDisplayString(host.WorkingDirectory).Split('\n')[0] ?? "it could not be loaded";
            return DoctorCheck.Fail(Name, $"{errors} error(s): {first}", "run `dbx agent validate` to see every problem and its fix");
        }

        var source = Path.GetRelativePath(host.WorkingDirectory, loaded.Definition.SourceFile);
        return warnings == 0
            ? DoctorCheck.Ok(Name, $"{source}: {loaded.Definition.Name}, {loaded.Definition.Skills.Count} skills")
            : DoctorCheck.Warn(Name, $"{source}: valid with {warnings} warning(s)", "run `dbx agent validate` to read them");
    }

    private IEnumerable<DoctorCheck> Postgres()
    {
        var probe = PostgresBinaries.Probe(environment: host.GetVariable);
        if (probe.Binaries is not { } binaries)
        {
            yield return DoctorCheck.Fail(
                "postgresql binaries",
                probe.BinariesProblem ?? "not found",
                "install the server (apt-get install postgresql, brew install postgresql@16) or set DBX_PG_BIN to its bin folder");
            yield break;
        }

        yield return DoctorCheck.Ok("postgresql binaries", $"PostgreSQL {binaries.Version} in {binaries.BinDirectory} (found via {binaries.Source})");
        yield return probe.CanRunServer
            ? DoctorCheck.Ok("embedded cluster", probe.RunningAsRoot ? $"runs as the '{probe.ServiceUser}' user (dbx runs as root)" : "can start throwaway clusters")
            : DoctorCheck.Fail("embedded cluster", probe.RunServerProblem ?? "cannot start a server", "run dbx as a normal user, or create the 'postgres' user with runuser available");
        yield return binaries.HasHypoPg
            ? DoctorCheck.Ok("hypopg", "available (hypothetical indexes for `dbx advise`)")
            : DoctorCheck.Warn("hypopg", "not installed: the index advisor cannot cost candidate indexes",
                $"apt-get install postgresql-{binaries.MajorVersion}-hypopg (or build it from github.com/HypoPG/hypopg)");
        yield return binaries.HasPgStatStatements
            ? DoctorCheck.Ok("pg_stat_statements", "available")
            : DoctorCheck.Warn("pg_stat_statements", "not installed: workload and N+1 analysis need it", $"install postgresql-contrib for PostgreSQL {binaries.MajorVersion}");
    }

    private async Task<DoctorCheck> NodeAsync(CancellationToken cancellationToken)
    {
        const string Name = "node / npx";
        var node = await VersionOfAsync("node", "--version", cancellationToken);
        var npx = await VersionOfAsync("npx", "--version", cancellationToken);
        const string Fix = "install Node.js 20 or newer (drizzle-kit checks and the context7 docs server run on it)";
        if (node is null)
        {
            return DoctorCheck.Warn(Name, "node is not on PATH: Drizzle drift checks and context7 are unavailable", Fix);
        }

        if (npx is null)
        {
            return DoctorCheck.Warn(Name, $"node {node} found but npx is missing", Fix);
        }

        var major = int.TryParse(node.TrimStart('v').Split('.')[0], out var m) ? m : 0;
        return major >= 18
            ? DoctorCheck.Ok(Name, $"node {node}, npx {npx}")
            : DoctorCheck.Warn(Name, $"node {node} is older than 18", Fix);
    }

    private DoctorCheck Model(AgentDefinition? definition)
    {
        const string Name = "model";
        var resolution = ModelResolution.Resolve(null, definition, host.GetVariable);
        if (resolution.Choice is null)
        {
            return DoctorCheck.Warn(Name, "none configured; only `dbx chat` needs one", "set model: in agent.yaml or DBX_MODEL (run `dbx chat` for the details)");
        }

        var name = resolution.Spec?.ToString() ?? resolution.Choice.Text;
        var source = DatabaseExpert.Agent.Models.ModelSelection.Describe(resolution.Choice.Source);
        if (resolution.IsUsable)
        {
            var endpoint = resolution.Credentials?.Endpoint is { } uri ? $" at {uri}" : string.Empty;
            return DoctorCheck.Ok(Name, $"{name} (from {source}){endpoint}, credentials set");
        }

        return DoctorCheck.Warn(Name, $"{name} (from {source}) is not ready: {resolution.Problem}", "set the variable named above; `dbx chat` shows every provider's setup");
    }

    private async Task<DoctorCheck> Context7Async(AgentDefinition? definition, CancellationToken cancellationToken)
    {
        const string Name = "context7 docs";
        var server = definition?.McpServers.FirstOrDefault(s => s.Name.Equals("context7", StringComparison.OrdinalIgnoreCase));
        if (server is null)
        {
            return DoctorCheck.Warn(Name, "no context7 server in agent.yaml: the agent answers from its skills only", "add mcpServers.context7 (see agent.yaml in the dbx repository)");
        }

        if (!server.Enabled)
        {
            return DoctorCheck.Ok(Name, "disabled in agent.yaml");
        }

        var url = host.GetVariable("DBX_CONTEXT7_URL") ?? server.Url ?? DefaultContext7Url;
        var reachable = await ReachableAsync(url, cancellationToken);
        if (reachable is not null)
        {
            return DoctorCheck.Warn(
                Name,
                $"{url} is unreachable ({reachable}); docs lookups will fail and the agent relies on its skills",
                "allow network access to context7 (an offline docs server is planned, see docs/cli.md)");
        }

        var key = server.Env.TryGetValue("CONTEXT7_API_KEY", out var k) && !string.IsNullOrEmpty(k);
        return DoctorCheck.Ok(Name, $"{url} reachable{(key ? ", API key set" : ", no API key (lower rate limits)")}");
    }

    private async Task<DoctorCheck> DatabaseAsync(string? database, CancellationToken cancellationToken)
    {
        const string Name = "database";
        if (string.IsNullOrWhiteSpace(database))
        {
            return DoctorCheck.Warn(Name, "none configured: database tools will need --db (or --db shadow for a throwaway cluster)", "export DATABASE_URL=postgres://user:password@host:5432/db");
        }

        if (database.Equals("shadow", StringComparison.OrdinalIgnoreCase))
        {
            return DoctorCheck.Ok(Name, "shadow: a fresh embedded cluster per command");
        }

        var shown = SecretRedactor.RedactConnection(database);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql(database)) { Timeout = Math.Max(1, (int)networkTimeout.TotalSeconds) };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(networkTimeout);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("select current_user, current_setting('server_version')", connection);
            string connected;
            await using (var reader = await command.ExecuteReaderAsync(timeout.Token))
            {
                await reader.ReadAsync(timeout.Token);
                connected = $"{shown}: connected as {reader.GetString(0)}, PostgreSQL {reader.GetString(1)}";
            }

            var audit = await RoleAudit.AuditAsync(connection, timeout.Token);
            return audit.IsLeastPrivilege
                ? DoctorCheck.Ok(Name, $"{connected}; {audit.Summary()}")
                : DoctorCheck.Warn(Name, $"{connected}; {audit.Summary()}",
                    $"connect dbx as a role that can only read: {RoleAuditResult.Guide} has the SQL (dbx refuses writes itself, the role is the second guard)");
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or OperationCanceledException or TimeoutException or FormatException)
        {
            var message = ex is OperationCanceledException ? $"no answer within {networkTimeout.TotalSeconds:0} s" : ex.Message.ReplaceLineEndings(" ");
            return DoctorCheck.Fail(Name, $"{shown}: {SecretRedactor.RedactConnection(message)}", "check the URL, that the server runs, and network access");
        }
    }

    private async Task<string?> ReachableAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "not a URL";
        }

        using var http = new HttpClient { Timeout = networkTimeout };
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return null;
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {networkTimeout.TotalSeconds:0} s";
        }
    }

    /// <summary>Runs <c>program arguments</c> found on the host's PATH (not this process's) and returns its output.</summary>
    private async Task<string?> VersionOfAsync(string program, string arguments, CancellationToken cancellationToken)
    {
        var path = host.GetVariable("PATH") ?? string.Empty;
        var executable = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // npx is a node script: it finds node through PATH, so the child sees the same PATH dbx was given.
        start.Environment["PATH"] = path;
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await error;
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
