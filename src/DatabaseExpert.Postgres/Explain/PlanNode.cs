namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// One node of a PostgreSQL plan, typed. Estimates are per loop, as PostgreSQL reports them; actual rows and times
/// are averages per loop too, so totals multiply by <see cref="ActualLoops"/> (see <see cref="TotalActualRows"/>).
/// </summary>
public sealed record PlanNode
{
    /// <summary>Path in the tree: <c>1</c> is the root, <c>1.2.1</c> the first child of the root's second child.</summary>
    public required string Id { get; init; }

    public required string NodeType { get; init; }

    /// <summary>Outer, Inner, Member, InitPlan, SubPlan, …</summary>
    public string? ParentRelationship { get; init; }

    /// <summary><c>InitPlan 1</c>, <c>SubPlan 2</c>, <c>CTE recent</c>.</summary>
    public string? SubplanName { get; init; }

    /// <summary>ModifyTable: Insert, Update, Delete, Merge.</summary>
    public string? Operation { get; init; }

    public string? RelationName { get; init; }

    /// <summary>Only with VERBOSE.</summary>
    public string? Schema { get; init; }

    public string? Alias { get; init; }

    public string? IndexName { get; init; }

    public string? CteName { get; init; }

    public string? FunctionName { get; init; }

    public string? JoinType { get; init; }

    /// <summary>Aggregate strategy: Plain, Sorted, Hashed, Mixed.</summary>
    public string? Strategy { get; init; }

    public string? ScanDirection { get; init; }

    public bool ParallelAware { get; init; }

    public double StartupCost { get; init; }

    public double TotalCost { get; init; }

    public double PlanRows { get; init; }

    public int PlanWidth { get; init; }

    public double? ActualStartupTimeMs { get; init; }

    /// <summary>Per loop.</summary>
    public double? ActualTotalTimeMs { get; init; }

    /// <summary>Per loop.</summary>
    public double? ActualRows { get; init; }

    public long? ActualLoops { get; init; }

    public string? Filter { get; init; }

    public string? JoinFilter { get; init; }

    public string? IndexCond { get; init; }

    public string? RecheckCond { get; init; }

    public string? HashCond { get; init; }

    public string? MergeCond { get; init; }

    /// <summary>Per loop, like the actual rows.</summary>
    public double? RowsRemovedByFilter { get; init; }

    public double? RowsRemovedByJoinFilter { get; init; }

    public double? RowsRemovedByIndexRecheck { get; init; }

    public IReadOnlyList<string> SortKey { get; init; } = [];

    public IReadOnlyList<string> GroupKey { get; init; } = [];

    /// <summary>The node's output columns and expressions; only with VERBOSE.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    public string? SortMethod { get; init; }

    public long? SortSpaceUsedKb { get; init; }

    /// <summary>Memory or Disk.</summary>
    public string? SortSpaceType { get; init; }

    public long? HashBuckets { get; init; }

    public long? OriginalHashBuckets { get; init; }

    public long? HashBatches { get; init; }

    public long? OriginalHashBatches { get; init; }

    /// <summary>Hash and HashAggregate: the most memory held at once, per batch.</summary>
    public long? PeakMemoryUsageKb { get; init; }

    public long? HashAggBatches { get; init; }

    /// <summary>HashAggregate: what it wrote to disk.</summary>
    public long? DiskUsageKb { get; init; }

    /// <summary>Total over all loops (PostgreSQL does not average this one).</summary>
    public double? HeapFetches { get; init; }

    public int? WorkersPlanned { get; init; }

    public int? WorkersLaunched { get; init; }

    public IReadOnlyList<PlanWorker> Workers { get; init; } = [];

    public PlanBuffers? Buffers { get; init; }

    public IReadOnlyList<PlanNode> Children { get; init; } = [];

    /// <summary>Wall-clock time of this node and its children, all loops (parallel copies counted once).</summary>
    public double? InclusiveTimeMs { get; init; }

    /// <summary>Time spent in this node itself: inclusive time minus the children's.</summary>
    public double? ExclusiveTimeMs { get; init; }

    /// <summary>Exclusive time as a share (0–1) of the whole execution.</summary>
    public double? TimeShare { get; init; }

    /// <summary>Estimated cost of this node itself (its total cost minus its children's, loops included), approximate.</summary>
    public double ExclusiveCost { get; init; }

    /// <summary>Estimated cost share (0–1) of the whole plan.</summary>
    public double CostShare { get; init; }

    public bool Analyzed => ActualLoops is not null;

    public bool NeverExecuted => ActualLoops == 0;

    public double? TotalActualRows => ActualRows * ActualLoops;

    /// <summary>The table name as written in the query plan: <c>schema.name</c> with VERBOSE, else the name.</summary>
    public string? QualifiedRelation => RelationName is null ? null : Schema is null ? RelationName : $"{Schema}.{RelationName}";

    /// <summary>The node as PostgreSQL's text format names it: <c>Index Scan using orders_pkey on orders o</c>.</summary>
    public string Label
    {
        get
        {
            var name = DisplayType;
            if (IndexName is not null && NodeType != "Bitmap Index Scan")
            {
                name += $" using {IndexName}";
            }

            var target = RelationName ?? CteName ?? FunctionName ?? (NodeType == "Bitmap Index Scan" ? IndexName : null);
            if (target is null)
            {
                return name;
            }

            var alias = Alias is not null && Alias != target ? $" {Alias}" : string.Empty;
            return $"{name} on {target}{alias}";
        }
    }

    private string DisplayType
    {
        get
        {
            var type = NodeType switch
            {
                "Aggregate" when Strategy == "Hashed" => "HashAggregate",
                "Aggregate" when Strategy == "Sorted" => "GroupAggregate",
                "Aggregate" when Strategy == "Mixed" => "MixedAggregate",
                "ModifyTable" when Operation is not null => Operation,
                "Index Scan" or "Index Only Scan" when ScanDirection == "Backward" => $"{NodeType} Backward",
                _ => NodeType,
            };
            if (JoinType is not null && JoinType != "Inner")
            {
                type = NodeType == "Nested Loop" ? $"Nested Loop {JoinType} Join" : type.Replace(" Join", $" {JoinType} Join", StringComparison.Ordinal);
            }

            return ParallelAware ? $"Parallel {type}" : type;
        }
    }

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<PlanNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var node in Children.SelectMany(child => child.DescendantsAndSelf()))
        {
            yield return node;
        }
    }

    /// <summary>The child on the given side of a join (<c>Outer</c> or <c>Inner</c>).</summary>
    public PlanNode? Child(string relationship) =>
        Children.FirstOrDefault(c => string.Equals(c.ParentRelationship, relationship, StringComparison.Ordinal));
}
