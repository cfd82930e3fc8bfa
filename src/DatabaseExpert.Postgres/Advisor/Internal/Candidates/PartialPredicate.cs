using DatabaseExpert.Postgres.Advisor.Internal.Statistics;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Advisor.Internal.Candidates;

internal enum PredicateKind
{
    EqualsLiteral,
    IsNull,
    IsNotNull,
    IsTrue,
    IsFalse,
}

/// <summary>The WHERE of a partial index: one column pinned to a rare constant, as the query itself writes it.</summary>
internal sealed record PartialPredicate(string Column, PredicateKind Kind, string? Literal = null)
{
    /// <summary>The predicate as SQL, with the column name quoted by <paramref name="quote"/>.</summary>
    public string ToSql(Func<string, string> quote) => Kind switch
    {
        PredicateKind.EqualsLiteral => $"{quote(Column)} = {Literal}",
        PredicateKind.IsNull => $"{quote(Column)} IS NULL",
        PredicateKind.IsNotNull => $"{quote(Column)} IS NOT NULL",
        PredicateKind.IsTrue => quote(Column),
        _ => $"NOT {quote(Column)}",
    };

    /// <summary>Words for the index name: the value for <c>status = 'pending'</c>, <c>shipped_at_null</c>, <c>not_active</c>.</summary>
    public IEnumerable<string> NameWords => Kind switch
    {
        PredicateKind.EqualsLiteral => [TableStatistics.Unquote(Literal!)],
        PredicateKind.IsNull => [Column, "null"],
        PredicateKind.IsNotNull => [Column, "not", "null"],
        PredicateKind.IsTrue => [Column],
        _ => ["not", Column],
    };

    /// <summary>True when an existing index's predicate (as <c>pg_get_expr</c> prints it) says the same.</summary>
    public bool Matches(string existingPredicate)
    {
        var expression = PlanExpressionParser.Parse(existingPredicate);
        return (Kind, expression) switch
        {
            (PredicateKind.EqualsLiteral, OperatorExpression("=", ColumnExpression column, ConstantExpression { Literal: { } literal }))
                => column.Column == Column && TableStatistics.Unquote(literal) == TableStatistics.Unquote(Literal!),
            (PredicateKind.IsNull, NullTestExpression(ColumnExpression column, true)) => column.Column == Column,
            (PredicateKind.IsNotNull, NullTestExpression(ColumnExpression column, false)) => column.Column == Column,
            (PredicateKind.IsTrue, ColumnExpression column) => column.Column == Column,
            (PredicateKind.IsFalse, NotExpression(ColumnExpression column)) => column.Column == Column,
            _ => false,
        };
    }
}
