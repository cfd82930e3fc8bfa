using DatabaseExpert.Postgres.Advisor.Internal.Plans;

namespace DatabaseExpert.Postgres.Advisor.Internal.Statistics;

/// <summary>A table's row estimate and its columns' statistics; answers the selectivity questions candidate generation asks.</summary>
internal sealed record TableStatistics(RelationRef Relation, double RowEstimate, IReadOnlyDictionary<string, ColumnStatistics> Columns)
{
    /// <summary>The planner's default when a column has no statistics (DEFAULT_NUM_DISTINCT).</summary>
    private const double DefaultDistinct = 200;

    /// <summary>Estimated number of distinct values: pg_stats gives a count, or minus a fraction of the rows.</summary>
    public double DistinctCount(string column)
    {
        if (!Columns.TryGetValue(column, out var stats) || stats.DistinctRaw is not { } raw || raw == 0)
        {
            return DefaultDistinct;
        }

        return raw > 0 ? raw : -raw * Math.Max(RowEstimate, 1);
    }

    /// <summary>The fraction of rows a filter keeps, from the most-common-value list and the null fraction; null when unknown.</summary>
    public double? Frequency(string column, EqualityUse use)
    {
        if (!Columns.TryGetValue(column, out var stats) || stats.DistinctRaw is null)
        {
            return null;
        }

        var wanted = use.Kind switch
        {
            EqualityKind.IsNull => null,
            EqualityKind.IsTrue => "t",
            EqualityKind.IsFalse => "f",
            _ => use.Literal is { } literal ? Unquote(literal) : null,
        };
        if (use.Kind == EqualityKind.IsNull)
        {
            return stats.NullFraction;
        }

        if (wanted is null)
        {
            return null;
        }

        for (var i = 0; i < stats.CommonValues.Count && i < stats.CommonFrequencies.Count; i++)
        {
            if (string.Equals(stats.CommonValues[i], wanted, StringComparison.Ordinal))
            {
                return stats.CommonFrequencies[i];
            }
        }

        // Not a common value: share what the common values and nulls leave among the remaining distinct values.
        var rest = 1 - stats.CommonFrequencies.Sum() - stats.NullFraction;
        var others = DistinctCount(column) - stats.CommonValues.Count;
        return others >= 1 ? Math.Max(rest, 0) / others : 0;
    }

    /// <summary>The value of a SQL string literal (<c>'it''s'</c> → <c>it's</c>); numbers pass through.</summary>
    public static string Unquote(string literal)
    {
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
        {
            return literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return literal;
    }
}
