namespace DatabaseExpert.Postgres.Safety;

/// <summary>How <see cref="SafeExecutor"/> runs statements. The defaults suit an agent exploring a production database.</summary>
public sealed class SafeExecutorOptions
{
    /// <summary>Upper bound for <see cref="MaxRows"/>: results are held in memory.</summary>
    public const int MaxRowsLimit = 1_000_000;

    /// <summary><c>statement_timeout</c> for every statement (default 30 s).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>lock_timeout</c>: how long a statement may wait for a lock another session holds (default 5 s).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>idle_in_transaction_session_timeout</c>: the server ends a session that stalls inside dbx's transaction (default 60 s).</summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows returned at most; the result says when more existed (default 1,000).</summary>
    public int MaxRows { get; set; } = 1_000;

    /// <summary>
    /// Allow data and schema changes (<see cref="SqlAccess.Write"/>). Off by default; even when on, a target marked
    /// read-only refuses them, and a write commits only when the request says so.
    /// </summary>
    public bool AllowWrites { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Positive(StatementTimeout, nameof(StatementTimeout));
        Positive(LockTimeout, nameof(LockTimeout));
        Positive(IdleInTransactionTimeout, nameof(IdleInTransactionTimeout));
        ValidateMaxRows(MaxRows, nameof(MaxRows));
    }

    internal static void ValidateMaxRows(int value, string name)
    {
        if (value is < 0 or > MaxRowsLimit)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and {MaxRowsLimit:N0}");
        }
    }

    internal static void Positive(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromMilliseconds(1) || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 ms and 1 day");
        }
    }
}
