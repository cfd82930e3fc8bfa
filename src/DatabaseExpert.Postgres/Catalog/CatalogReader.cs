using DatabaseExpert.Postgres.Catalog.Internal;
using DatabaseExpert.Postgres.Catalog.Internal.Queries;
using DatabaseExpert.Postgres.Connections;
using Npgsql;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// Reads a database's schema from pg_catalog: one set-based query per kind of object (twelve in all, whatever the
/// number of tables), sent together in one round trip inside one READ ONLY, REPEATABLE READ transaction so that
/// every query sees the same snapshot. Nothing is written; the transaction is rolled back.
/// </summary>
public static class CatalogReader
{
    public static async Task<CatalogSnapshot> ReadAsync(
        DatabaseHandle database, CatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, options, cancellationToken);
    }

    /// <param name="connection">An open connection that is not inside a transaction.</param>
    /// <param name="options">What to read; <see cref="CatalogOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="CatalogException">An unknown schema, a pattern matching nothing, an old server, or a timeout.</exception>
    public static async Task<CatalogSnapshot> ReadAsync(
        NpgsqlConnection connection, CatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= CatalogOptions.Default;
        var version = connection.PostgreSqlVersion;
        if (version.Major < ServerFeatures.OldestSupported)
        {
            throw new CatalogException(
                $"PostgreSQL {version.Major} is too old: dbx reads catalogs of PostgreSQL {ServerFeatures.OldestSupported} and newer",
                CatalogErrorKind.UnsupportedServer);
        }

        var rows = await CatalogQueries.RunAsync(connection, new ServerFeatures(version.Major), options, cancellationToken);
        return SnapshotBuilder.Build(rows, options, connection.ServerVersion.Split(' ')[0], connection.Database);
    }
}
