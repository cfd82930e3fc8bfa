namespace DatabaseExpert.Postgres.Explain;

/// <summary>A finding about one plan node (docs/explain-insights.md lists every kind and its thresholds).</summary>
/// <param name="Kind">Stable kebab-case id, e.g. <c>seq-scan-selective-filter</c>.</param>
/// <param name="Severity">info, warning or critical; the thresholds per kind are in the documentation.</param>
/// <param name="NodeId">Path of the node in the tree: <c>1</c> is the root, <c>1.2.1</c> the first child of its second child.</param>
/// <param name="NodeType">The node's type as PostgreSQL names it (<c>Seq Scan</c>, <c>Hash</c>, …).</param>
/// <param name="Relation">The table the node reads, when it reads one.</param>
/// <param name="Message">What was seen, with the figures, and why it matters.</param>
/// <param name="Fix">What to do, as SQL where possible.</param>
/// <param name="Columns">Columns the fix is about (an index's key columns), empty when none.</param>
public sealed record PlanInsight(
    string Kind,
    InsightSeverity Severity,
    string NodeId,
    string NodeType,
    string? Relation,
    string Message,
    string Fix,
    IReadOnlyList<string> Columns)
{
    /// <summary>For messages: <c>Seq Scan on orders (node 1.2)</c>.</summary>
    public string NodeLabel => Relation is null ? $"{NodeType} (node {NodeId})" : $"{NodeType} on {Relation} (node {NodeId})";
}
