using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using static DatabaseExpert.Postgres.Advisor.Internal.Sql.SqlNames;

namespace DatabaseExpert.Postgres.Advisor.Internal.Candidates;

/// <summary>A B-tree index the advisor may recommend. Two candidates are the same index when their <see cref="Id"/> is.</summary>
internal sealed class IndexCandidate : IEquatable<IndexCandidate>
{
    public IndexCandidate(RelationRef table, IReadOnlyList<IndexKeyColumn> keys, IReadOnlyList<string>? include = null, PartialPredicate? predicate = null)
    {
        Table = table;
        Keys = keys;
        Include = include ?? [];
        Predicate = predicate;

        // An index scanned backwards serves the reversed order, so (a DESC, b) and (a, b DESC) are one index.
        var canonical = keys.Count > 0 && keys[0].Descending ? keys.Select(k => k.Reversed) : keys;
        Id = $"{table}({string.Join(", ", canonical.Select(k => k.Column + k.OrderSql))})"
             + (Include.Count > 0 ? $" include({string.Join(", ", Include)})" : string.Empty)
             + (predicate is null ? string.Empty : $" where {predicate.ToSql(c => c)}");
    }

    public RelationRef Table { get; }

    public IReadOnlyList<IndexKeyColumn> Keys { get; }

    public IReadOnlyList<string> Include { get; }

    public PartialPredicate? Predicate { get; }

    /// <summary>A canonical description, also the deterministic order of candidates.</summary>
    public string Id { get; }

    /// <summary>The CREATE INDEX statement for hypopg: every name quoted, schema-qualified, no index name.</summary>
    public string HypotheticalSql
    {
        get
        {
            var sql = $"CREATE INDEX ON {Quote(Table.Schema)}.{Quote(Table.Name)} USING btree ({string.Join(", ", Keys.Select(k => Quote(k.Column) + k.OrderSql))})";
            if (Include.Count > 0)
            {
                sql += $" INCLUDE ({string.Join(", ", Include.Select(Quote))})";
            }

            return Predicate is null ? sql : $"{sql} WHERE {Predicate.ToSql(Quote)}";
        }
    }

    public bool Equals(IndexCandidate? other) => other is not null && Id == other.Id;

    public override bool Equals(object? obj) => Equals(obj as IndexCandidate);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    public override string ToString() => Id;
}
