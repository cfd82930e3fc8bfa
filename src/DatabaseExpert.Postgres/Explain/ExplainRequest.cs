namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// One statement to EXPLAIN. Plain <c>EXPLAIN (FORMAT JSON)</c> by default, which plans without running anything.
/// </summary>
/// <param name="Sql">Exactly one SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE or MERGE statement.</param>
public sealed record ExplainRequest(string Sql)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// EXPLAIN ANALYZE: runs the statement for real timings and row counts, always inside a transaction that is rolled
    /// back. Statements that change data are refused unless <see cref="AllowWrites"/> is set.
    /// </summary>
    public bool Analyze { get; init; }

    /// <summary>Shared/local/temp buffer counts per node.</summary>
    public bool Buffers { get; init; }

    /// <summary>List the planner settings that differ from their defaults.</summary>
    public bool Settings { get; init; }

    /// <summary>Output columns, schema-qualified names and fully qualified expressions.</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// Values for <c>$1…$n</c>, sent as text for the server to type (null = SQL NULL). Without values a statement with
    /// placeholders gets its generic plan (plain EXPLAIN only).
    /// </summary>
    public IReadOnlyList<string?>? Parameters { get; init; }

    /// <summary>
    /// Planner settings applied with <c>SET LOCAL</c> for this EXPLAIN only (for example <c>work_mem</c>,
    /// <c>enable_seqscan</c>, <c>jit_above_cost</c>). Only planner and resource settings are accepted.
    /// </summary>
    public IReadOnlyDictionary<string, string> SessionSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The caller vouches that the target may be written to (read-write mode or a shadow database): only then may
    /// ANALYZE run a data-changing statement, and even then its transaction is rolled back.
    /// </summary>
    public bool AllowWrites { get; init; }

    /// <summary><c>statement_timeout</c> for the EXPLAIN (and the statement under ANALYZE).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
