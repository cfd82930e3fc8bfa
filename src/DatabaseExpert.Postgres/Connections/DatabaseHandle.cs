using System.Net.Sockets;
using DatabaseExpert.Postgres.Shadow;
using Npgsql;
using Polly;
using Polly.Retry;

namespace DatabaseExpert.Postgres.Connections;

/// <summary>
/// An open way to a <see cref="DatabaseTarget"/>: a pooled data source (and the embedded cluster behind a shadow
/// target, stopped on dispose). Opening a connection retries transient failures; nothing else is ever retried,
/// because a statement that may have run must not run twice.
/// </summary>
public sealed class DatabaseHandle : IAsyncDisposable
{
    private static readonly ResiliencePipeline ConnectRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<SocketException>().Handle<TimeoutException>(),
        })
        .Build();

    private readonly ShadowCluster? _shadow;

    private DatabaseHandle(DatabaseTarget target, NpgsqlDataSource dataSource, ShadowCluster? shadow)
    {
        Target = target;
        DataSource = dataSource;
        _shadow = shadow;
    }

    public DatabaseTarget Target { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string actually used (with the shadow cluster's address for shadow targets).</summary>
    public string ConnectionString => DataSource.ConnectionString;

    public static async Task<DatabaseHandle> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        ShadowCluster? shadow = null;
        string connectionString;
        if (target.IsShadow)
        {
            shadow = await ShadowCluster.StartAsync(cancellationToken: cancellationToken);
            connectionString = shadow.ConnectionString;
        }
        else
        {
            connectionString = target.ConnectionString!;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "dbx",
        };
        if (target.IsNeonPooler)
        {
            // PgBouncer in transaction mode: a connection is not ours between transactions, so no server-side prepared
            // statements and no session reset; dbx only ever uses SET LOCAL inside its own transactions.
            builder.MaxAutoPrepare = 0;
            builder.NoResetOnClose = true;
        }

        return new DatabaseHandle(target, new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), shadow);
    }

    /// <summary>Opens a connection, retrying only failures to connect that the driver marks transient.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ConnectRetry.ExecuteAsync(async token => await DataSource.OpenConnectionAsync(token), cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"cannot connect to {Target.Display}: {ConnectionStrings.Redact(ex.Message.ReplaceLineEndings(" "))}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_shadow is not null)
        {
            await _shadow.DisposeAsync();
        }
    }
}

/// <summary>The database could not be reached; the message names it (without the password) and the cause.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
