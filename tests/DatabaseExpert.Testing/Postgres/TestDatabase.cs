using DatabaseExpert.Postgres.Shadow;
using Npgsql;

namespace DatabaseExpert.Testing.Postgres;

/// <summary>A database of the shared test server, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    internal TestDatabase(ShadowCluster cluster, string name, string connectionString)
    {
        Cluster = cluster;
        Name = name;
        ConnectionString = connectionString;
    }

    public ShadowCluster Cluster { get; }

    public string Name { get; }

    /// <summary>Npgsql keyword format.</summary>
    public string ConnectionString { get; }

    /// <summary><c>postgres://</c> form, for tools that take DATABASE_URL.</summary>
    public string Url => Cluster.GetUrl(Name);

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL (several statements allowed) and returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary><c>CREATE EXTENSION IF NOT EXISTS</c>, with install instructions when the extension is missing.</summary>
    public async Task CreateExtensionAsync(string extension, CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync($"CREATE EXTENSION IF NOT EXISTS \"{extension.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.UndefinedFile)
        {
            throw new InvalidOperationException(
                $"The extension '{extension}' is not installed for PostgreSQL {Cluster.MajorVersion} ({Cluster.Binaries.BinDirectory}). "
                + $"On Debian/Ubuntu: apt-get install postgresql-{Cluster.MajorVersion}-{extension.Replace('_', '-')}.",
                e);
        }
    }

    /// <summary>hypopg: hypothetical indexes for the index advisor.</summary>
    public Task CreateHypoPgAsync(CancellationToken cancellationToken = default) =>
        CreateExtensionAsync("hypopg", cancellationToken);

    /// <summary>pg_stat_statements (preloaded by the shadow cluster when installed).</summary>
    public Task CreatePgStatStatementsAsync(CancellationToken cancellationToken = default) =>
        CreateExtensionAsync("pg_stat_statements", cancellationToken);

    /// <summary>Drops the database. The shared server keeps running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Cluster.IsDisposed)
        {
            await Cluster.DropDatabaseAsync(Name);
        }
    }
}
