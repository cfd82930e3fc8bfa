using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>What the advisor reads from a node of Explain's typed plan tree.</summary>
internal static class PlanNodeFacts
{
    /// <summary>The table a scan reads; its schema is known in VERBOSE plans (empty otherwise).</summary>
    public static RelationRef? Relation(this PlanNode node) =>
        node.RelationName is { } name ? new RelationRef(node.Schema ?? string.Empty, name) : null;

    /// <summary>The name the plan's expressions use for the scanned table: its alias, else its name.</summary>
    public static string? AliasOrName(this PlanNode node) => node.Alias ?? node.RelationName;

    /// <summary>The node's conditions, each a deparsed expression: filters, index, join and recheck conditions.</summary>
    public static IEnumerable<string> Conditions(this PlanNode node) =>
        new[] { node.Filter, node.IndexCond, node.RecheckCond, node.JoinFilter, node.HashCond, node.MergeCond }.OfType<string>();
}
