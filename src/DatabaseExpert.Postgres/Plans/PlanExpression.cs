namespace DatabaseExpert.Postgres.Plans;

/// <summary>
/// The few shapes of a deparsed plan expression (EXPLAIN's <c>Filter</c>, <c>Index Cond</c>, <c>Sort Key</c>, …) that
/// matter for indexes: the advisor reads predicates, join keys and sort keys from them, EXPLAIN's insights the columns
/// a filter compares (<see cref="ExpressionColumns"/>).
/// </summary>
internal abstract record PlanExpression
{
    /// <summary>Every column reference inside, in order.</summary>
    public abstract IEnumerable<ColumnExpression> Columns { get; }
}

/// <summary><c>alias.column</c> (or a bare <c>column</c>), possibly under a cast such as <c>(p.sku)::text</c>.</summary>
/// <param name="Alias">The range-table alias EXPLAIN printed, or null for a bare name.</param>
/// <param name="Column">The column name.</param>
/// <param name="CastType">The type the column was cast to (lower-case), or null. Only casts between string types keep an index usable.</param>
internal sealed record ColumnExpression(string? Alias, string Column, string? CastType = null) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => [this];
}

/// <summary>A value that references no column: a literal, a parameter, <c>now()</c>, an array of literals.</summary>
/// <param name="Literal">The SQL text of a single literal without its cast (<c>'pending'</c>, <c>42</c>), else null.</param>
internal sealed record ConstantExpression(string? Literal) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => [];
}

/// <summary><c>left op right</c>.</summary>
internal sealed record OperatorExpression(string Operator, PlanExpression Left, PlanExpression Right) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => Left.Columns.Concat(Right.Columns);
}

/// <summary><c>left op ANY (array)</c>: what <c>IN (…)</c> becomes.</summary>
internal sealed record AnyExpression(string Operator, PlanExpression Left, PlanExpression Array) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => Left.Columns.Concat(Array.Columns);
}

/// <summary><c>a AND b AND …</c> or <c>a OR b OR …</c>.</summary>
internal sealed record BooleanExpression(bool IsAnd, IReadOnlyList<PlanExpression> Arguments) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => Arguments.SelectMany(a => a.Columns);
}

internal sealed record NotExpression(PlanExpression Argument) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => Argument.Columns;
}

/// <summary><c>x IS NULL</c> / <c>x IS NOT NULL</c>.</summary>
internal sealed record NullTestExpression(PlanExpression Argument, bool IsNull) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => Argument.Columns;
}

/// <summary>
/// A value computed from columns: a function call, CASE, ARRAY, a cast of an expression, a subscript. A plain index on
/// the columns cannot serve it (an expression index could); only its column references are kept.
/// </summary>
internal sealed record ComputedExpression(IReadOnlyList<ColumnExpression> References) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => References;
}

/// <summary>
/// Anything else (<c>IS DISTINCT FROM</c>, <c>op ALL</c>, <c>COLLATE</c>, row constructors, text the parser does not
/// understand): only its column references are kept.
/// </summary>
internal sealed record OpaqueExpression(IReadOnlyList<ColumnExpression> References) : PlanExpression
{
    public override IEnumerable<ColumnExpression> Columns => References;
}
