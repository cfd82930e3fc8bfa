namespace DatabaseExpert.Postgres.Plans;

/// <summary>How a filter uses a column, which decides whether (and where) a B-tree index key can serve it.</summary>
internal enum ColumnUse
{
    /// <summary><c>col = …</c>, <c>col = ANY (…)</c>, <c>col IS NULL</c>, a bare boolean column.</summary>
    Equality,

    /// <summary><c>col &lt; …</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>.</summary>
    Range,

    /// <summary>Compared in a way a plain B-tree cannot serve (<c>&lt;&gt;</c>, LIKE, containment).</summary>
    Other,

    /// <summary>Inside a function call or arithmetic: only an expression index could serve it.</summary>
    Expression,
}

/// <summary>A column reference in a deparsed plan expression, e.g. <c>o.customer_id</c>.</summary>
internal sealed record ColumnReference(string? Qualifier, string Name, ColumnUse Use);

/// <summary>
/// The column references of an expression EXPLAIN prints (<c>Filter</c>, <c>Join Filter</c>, <c>Index Cond</c>), in
/// text order, each with how it is compared: read from the tree <see cref="PlanExpressionParser"/> builds, the same
/// reading the index advisor uses.
/// </summary>
internal static class ExpressionColumns
{
    private static readonly HashSet<string> Arithmetic = new(StringComparer.Ordinal) { "+", "-", "*", "/", "%", "^", "||" };

    public static IReadOnlyList<ColumnReference> Extract(string? expression)
    {
        var references = new List<ColumnReference>();
        if (!string.IsNullOrWhiteSpace(expression))
        {
            Collect(PlanExpressionParser.Parse(expression), references);
        }

        return references;
    }

    private static void Collect(PlanExpression expression, List<ColumnReference> references)
    {
        switch (expression)
        {
            case ColumnExpression column:
                // A bare boolean column is a test for true.
                Add(column, ColumnUse.Equality, references);
                break;
            case OperatorExpression(var op, var left, var right) when Arithmetic.Contains(op):
                AddAll(left.Columns.Concat(right.Columns), ColumnUse.Expression, references);
                break;
            case OperatorExpression(var op, var left, var right):
                Side(left, UseOf(op), references);
                Side(right, UseOf(op), references);
                break;
            case AnyExpression(var op, var left, var array):
                Side(left, UseOf(op), references);
                AddAll(array.Columns, ColumnUse.Expression, references);
                break;
            case NotExpression(var argument):
                Collect(argument, references);
                break;
            case NullTestExpression(var argument, _):
                Side(argument, ColumnUse.Equality, references);
                break;
            case BooleanExpression(_, var arguments):
                foreach (var argument in arguments)
                {
                    Collect(argument, references);
                }

                break;
            case ComputedExpression computed:
                AddAll(computed.Columns, ColumnUse.Expression, references);
                break;
            default:
                AddAll(expression.Columns, ColumnUse.Other, references);
                break;
        }
    }

    /// <summary>An operand: a plain column is used as the comparison says; anything else is read on its own.</summary>
    private static void Side(PlanExpression operand, ColumnUse use, List<ColumnReference> references)
    {
        if (operand is ColumnExpression column)
        {
            Add(column, use, references);
        }
        else
        {
            Collect(operand, references);
        }
    }

    private static ColumnUse UseOf(string op) => op switch
    {
        "=" => ColumnUse.Equality,
        "<" or ">" or "<=" or ">=" => ColumnUse.Range,
        _ => ColumnUse.Other,
    };

    private static void AddAll(IEnumerable<ColumnExpression> columns, ColumnUse use, List<ColumnReference> references)
    {
        foreach (var column in columns)
        {
            Add(column, use, references);
        }
    }

    private static void Add(ColumnExpression column, ColumnUse use, List<ColumnReference> references) =>
        references.Add(new ColumnReference(column.Alias, column.Column, use));
}
