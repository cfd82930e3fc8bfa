namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>A plan as the insight rules see it: its nodes with their parents, timings, and the server environment.</summary>
internal sealed class InsightContext
{
    private readonly Dictionary<string, PlanNode> _byId;

    public InsightContext(PlanNode root, PlanEnvironment environment, double? executionTimeMs, JitSummary? jit)
    {
        Root = root;
        Environment = environment;
        ExecutionTimeMs = executionTimeMs;
        Jit = jit;
        Nodes = root.DescendantsAndSelf().ToList();
        _byId = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    public PlanNode Root { get; }

    public IReadOnlyList<PlanNode> Nodes { get; }

    public PlanEnvironment Environment { get; }

    public double? ExecutionTimeMs { get; }

    public JitSummary? Jit { get; }

    /// <summary>EXPLAIN ANALYZE: actual rows, loops and times are known.</summary>
    public bool Analyzed => Root.Analyzed;

    public PlanNode? ParentOf(PlanNode node)
    {
        var cut = node.Id.LastIndexOf('.');
        return cut < 0 ? null : _byId[node.Id[..cut]];
    }

    /// <summary>Parent first, root last.</summary>
    public IEnumerable<PlanNode> AncestorsOf(PlanNode node)
    {
        for (var parent = ParentOf(node); parent is not null; parent = ParentOf(parent))
        {
            yield return parent;
        }
    }

    public RelationInfo? RelationOf(PlanNode node) => Environment.FindRelation(node);

    /// <summary>A finding on <paramref name="node"/>; <paramref name="relation"/> names the table when the node itself names none (a Hash over a scan).</summary>
    public static PlanInsight Create(
        string kind,
        InsightSeverity severity,
        PlanNode node,
        string message,
        string fix,
        IReadOnlyList<string>? columns = null,
        string? relation = null) =>
        new(kind, severity, node.Id, node.NodeType, relation ?? node.QualifiedRelation, message, fix, columns ?? []);

    /// <summary>The table a Hash or Sort holds: the one scanned straight below it (none when a join is in between).</summary>
    public static string? TableBelow(PlanNode node)
    {
        var current = node;
        while (current.RelationName is null && current.Children.Count == 1)
        {
            current = current.Children[0];
        }

        return current.QualifiedRelation;
    }
}
