namespace DatabaseExpert.Postgres.Connections;

/// <summary>
/// A database opened on first use and kept until disposed: a conversation may never touch the database, and when it
/// does, a shadow cluster or a connection pool should be started once, not per tool call or per model switch.
/// </summary>
public sealed class LazyDatabase(DatabaseTarget? target, string? missingReason = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DatabaseHandle? _handle;

    /// <summary>The database, or null when none is configured.</summary>
    public DatabaseTarget? Target { get; } = target;

    /// <summary>Why there is no database (for messages), when <see cref="Target"/> is null.</summary>
    public string MissingReason { get; } = missingReason ?? "no database is configured";

    /// <exception cref="DatabaseTargetException">No database is configured.</exception>
    public async Task<DatabaseHandle> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Target is null)
        {
            throw new DatabaseTargetException(MissingReason);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _handle ??= await DatabaseHandle.OpenAsync(Target, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.DisposeAsync();
            _handle = null;
        }

        _gate.Dispose();
    }
}
