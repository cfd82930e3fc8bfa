using DatabaseExpert.Postgres.Shadow;

namespace DatabaseExpert.Testing.Postgres;

/// <summary>
/// The one PostgreSQL server of a test process: started on first use, stopped with the process (the shadow cluster
/// registry stops it at exit, whether tests passed or failed). Each test class gets its own database from it.
/// When PostgreSQL is not installed, every test that asks for it fails with the installation instructions.
/// </summary>
public static class PostgresServer
{
    private static readonly Lock Gate = new();
    private static Task<ShadowCluster>? _cluster;

    /// <summary>
    /// The shared cluster; do not dispose it. A failed start is not retried (every test reports the same clear error);
    /// a cluster stopped by a test of the stop-everything path is replaced by a new one.
    /// </summary>
    public static Task<ShadowCluster> GetClusterAsync(CancellationToken cancellationToken = default)
    {
        Task<ShadowCluster> current;
        lock (Gate)
        {
            if (_cluster is null || (_cluster.IsCompletedSuccessfully && _cluster.Result.IsDisposed))
            {
                _cluster = ShadowCluster.StartAsync(cancellationToken: CancellationToken.None);
            }

            current = _cluster;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>A new, empty database with a unique name (<c>CREATE DATABASE … TEMPLATE template1</c>).</summary>
    /// <param name="namePrefix">Readable part of the name, e.g. the test class; sanitised and shortened.</param>
    /// <param name="cancellationToken">Cancels the wait for the server and the CREATE DATABASE.</param>
    public static Task<TestDatabase> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(namePrefix, "template1", cancellationToken);

    /// <summary>A new database copied from <paramref name="template"/> (which must have no open connections).</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string? namePrefix, string template, CancellationToken cancellationToken)
    {
        var cluster = await GetClusterAsync(cancellationToken);
        var name = TestDatabaseName.Create(namePrefix);
        var connectionString = await cluster.CreateDatabaseAsync(name, template, cancellationToken);
        return new TestDatabase(cluster, name, connectionString);
    }
}
