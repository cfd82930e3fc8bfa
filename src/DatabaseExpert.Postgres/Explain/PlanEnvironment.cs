using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// What the insights know beyond the plan: the settings the query ran with and the tables it read. The runner reads
/// them from the server in the same transaction; a plan analysed on its own gets PostgreSQL's defaults and no tables.
/// </summary>
public sealed record PlanEnvironment
{
    public static PlanEnvironment Defaults { get; } = new();

    public long WorkMemKb { get; init; } = 4096;

    public double HashMemMultiplier { get; init; } = 2.0;

    public int MaxParallelWorkers { get; init; } = 8;

    public int MaxWorkerProcesses { get; init; } = 8;

    public double JitAboveCost { get; init; } = 100_000;

    public double JitOptimizeAboveCost { get; init; } = 500_000;

    public double JitInlineAboveCost { get; init; } = 500_000;

    public IReadOnlyList<RelationInfo> Relations { get; init; } = [];

    /// <summary>
    /// These values overridden by the settings a plan lists (EXPLAIN SETTINGS shows those that differ from the defaults),
    /// so a pasted plan is judged with the work_mem and JIT thresholds it ran with.
    /// </summary>
    public PlanEnvironment WithPlanSettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double? Get(string name) => settings.TryGetValue(name, out var text) ? SettingValues.Parse(text) : null;
        return this with
        {
            WorkMemKb = (long?)Get("work_mem") ?? WorkMemKb,
            HashMemMultiplier = Get("hash_mem_multiplier") ?? HashMemMultiplier,
            MaxParallelWorkers = (int?)Get("max_parallel_workers") ?? MaxParallelWorkers,
            JitAboveCost = Get("jit_above_cost") ?? JitAboveCost,
            JitOptimizeAboveCost = Get("jit_optimize_above_cost") ?? JitOptimizeAboveCost,
            JitInlineAboveCost = Get("jit_inline_above_cost") ?? JitInlineAboveCost,
        };
    }

    /// <summary>The table a plan node reads: by schema and name when the plan gives the schema, else by name.</summary>
    public RelationInfo? FindRelation(PlanNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RelationName is null
            ? null
            : Relations.FirstOrDefault(r => r.Name == node.RelationName && (node.Schema is null || r.Schema == node.Schema));
    }
}

/// <summary>A table as the catalog describes it: planner estimates, columns and the key columns of its valid indexes.</summary>
public sealed record RelationInfo(
    string Schema,
    string Name,
    double EstimatedRows,
    long Pages,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IndexInfo> Indexes)
{
    public string QualifiedName => $"{SqlNames.Quote(Schema)}.{SqlNames.Quote(Name)}";

    /// <summary>An index whose first key column is <paramref name="column"/>, if any.</summary>
    public IndexInfo? IndexLeadingWith(string column) =>
        Indexes.FirstOrDefault(i => i.Columns.Count > 0 && i.Columns[0] == column);
}

/// <summary>An index and its key columns in order (expression keys are left out).</summary>
public sealed record IndexInfo(string Name, IReadOnlyList<string> Columns);
