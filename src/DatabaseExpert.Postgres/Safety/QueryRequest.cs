namespace DatabaseExpert.Postgres.Safety;

/// <summary>One statement for <see cref="SafeExecutor.ExecuteAsync"/>; unset limits come from <see cref="SafeExecutorOptions"/>.</summary>
public sealed record QueryRequest(string Sql)
{
    public int? MaxRows { get; init; }

    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>
    /// For a write in read-write mode: commit it. Without this the write runs and is rolled back (a dry run that reports
    /// the rows it would change). Reads are always rolled back.
    /// </summary>
    public bool Commit { get; init; }
}
