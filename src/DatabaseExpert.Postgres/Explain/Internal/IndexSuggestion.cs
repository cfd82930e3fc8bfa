using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>A B-tree index that would serve some plain column comparisons: equality columns first, then one range column.</summary>
internal sealed record IndexSuggestion(string Relation, IReadOnlyList<string> Columns)
{
    public const int MaxColumns = 3;

    public string Sql => $"CREATE INDEX CONCURRENTLY ON {Relation} ({string.Join(", ", Columns.Select(SqlNames.Quote))});";

    /// <summary>
    /// The columns of <paramref name="node"/>'s table among <paramref name="references"/> (matched by the node's alias or
    /// table name, or unqualified), or null when none is compared in a way an index key can serve.
    /// </summary>
    public static IndexSuggestion? For(PlanNode node, RelationInfo? relation, IEnumerable<ColumnReference> references)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RelationName is null)
        {
            return null;
        }

        var own = references
            .Where(r => r.Qualifier is null || r.Qualifier == node.Alias || r.Qualifier == node.RelationName)
            .Where(r => relation is null || relation.Columns.Contains(r.Name))
            .ToList();
        var equality = own.Where(r => r.Use == ColumnUse.Equality).Select(r => r.Name);
        var range = own.Where(r => r.Use == ColumnUse.Range).Select(r => r.Name).Take(1);
        var columns = equality.Concat(range).Distinct(StringComparer.Ordinal).Take(MaxColumns).ToList();
        return columns.Count == 0 ? null : new IndexSuggestion(RelationName(node, relation), columns);
    }

    /// <summary>The table as fixes should write it: schema-qualified when the catalog or the plan says which schema.</summary>
    public static string RelationName(PlanNode node, RelationInfo? relation)
    {
        ArgumentNullException.ThrowIfNull(node);
        return relation?.QualifiedName
            ?? (node.Schema is null ? SqlNames.Quote(node.RelationName ?? "?") : $"{SqlNames.Quote(node.Schema)}.{SqlNames.Quote(node.RelationName ?? "?")}");
    }
}
