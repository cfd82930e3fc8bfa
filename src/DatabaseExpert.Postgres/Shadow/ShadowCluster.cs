using System.Collections.Concurrent;
using DatabaseExpert.Postgres.Shadow.Internal;
using Npgsql;

namespace DatabaseExpert.Postgres.Shadow;

/// <summary>
/// A throwaway PostgreSQL server on 127.0.0.1: copied from a cached initdb template, started on a free port, ready in a
/// fraction of a second, and removed on dispose, on Ctrl-C/SIGTERM and at process exit. Not for data anyone keeps:
/// fsync is off.
/// </summary>
public sealed partial class ShadowCluster : IAsyncDisposable
{
    private const string Host = "127.0.0.1";
    private const string Superuser = "postgres";

    private readonly ClusterInstance _instance;
    private readonly ConcurrentDictionary<string, byte> _databases = new(StringComparer.Ordinal);

    private ShadowCluster(ClusterInstance instance, PostgresBinaries binaries, int port, string templateDirectory, ShadowClusterStartup startup)
    {
        _instance = instance;
        Binaries = binaries;
        Port = port;
        TemplateDirectory = templateDirectory;
        Startup = startup;
        ConnectionString = GetConnectionString("postgres");
        Url = GetUrl("postgres");
    }

    /// <summary>Npgsql keyword format, superuser, database <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The same as a <c>postgres://</c> URL (what drizzle-kit, psql and DATABASE_URL expect).</summary>
    public string Url { get; }

    public int Port { get; }

    /// <summary>The server version, e.g. <c>15.18</c>.</summary>
    public string Version => Binaries.Version;

    public int MajorVersion => Binaries.MajorVersion;

    public PostgresBinaries Binaries { get; }

    public string DataDirectory => _instance.DataDirectory;

    /// <summary>The cluster's own directory (data, log, socket); removed on dispose.</summary>
    public string ClusterDirectory => _instance.Directory;

    public string ServerLogPath => _instance.LogPath;

    /// <summary>The cached template this cluster was copied from.</summary>
    public string TemplateDirectory { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ServerProcessId => _instance.ServerProcessId ?? 0;

    public ShadowClusterStartup Startup { get; }

    /// <summary>Whether hypopg can be created with CREATE EXTENSION.</summary>
    public bool HasHypoPg => Binaries.HasHypoPg;

    public bool IsDisposed => _instance.IsStopped;

    /// <summary>The connection string for another database of this cluster.</summary>
    public string GetConnectionString(string database) => BuildConnectionString(Port, database, pooling: true);

    /// <summary>The <c>postgres://</c> URL for another database of this cluster.</summary>
    public string GetUrl(string database) =>
        $"postgres://{Superuser}@{Host}:{Port}/{Uri.EscapeDataString(database)}?sslmode=disable";

    /// <summary>Creates a database (optionally copied from <paramref name="template"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        ValidateDatabaseName(name);
        if (template is not null)
        {
            ValidateDatabaseName(template);

            // CREATE DATABASE refuses a template with open sessions; our own idle pooled ones are the usual culprit.
            ClearPool(template);
        }

        var sql = $"CREATE DATABASE {QuoteIdentifier(name)}" + (template is null ? "" : $" TEMPLATE {QuoteIdentifier(template)}");
        await ExecuteAsync(sql, cancellationToken);
        _databases.TryAdd(name, 0);
        return GetConnectionString(name);
    }

    /// <summary>Drops a database, disconnecting its sessions first.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateDatabaseName(name);
        ClearPool(name);
        _databases.TryRemove(name, out _);
        var force = MajorVersion >= 13 ? " WITH (FORCE)" : "";
        await ExecuteAsync($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)}{force}", cancellationToken);
    }

    /// <summary>Stops the server (immediate shutdown) and removes the cluster directory. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        // Pooled connections to a server that is going away would fail on next use rather than reconnect.
        ClearPool("postgres");
        foreach (var database in _databases.Keys)
        {
            ClearPool(database);
        }

        await _instance.StopAndDeleteAsync();
    }

    private void ClearPool(string database)
    {
        using var connection = new NpgsqlConnection(GetConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }

    private static string BuildConnectionString(int port, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = port,
            Username = Superuser,
            Database = database,
            SslMode = SslMode.Disable,
            Pooling = pooling,
        }.ConnectionString;

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void ValidateDatabaseName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || System.Text.Encoding.UTF8.GetByteCount(name) > 63 || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid database name: use 1 to 63 bytes, without NUL characters.", nameof(name));
        }
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
