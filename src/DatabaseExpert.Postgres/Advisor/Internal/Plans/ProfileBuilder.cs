using DatabaseExpert.Postgres.Explain;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>
/// Turns a plan made with EXPLAIN VERBOSE into a <see cref="QueryProfile"/>. The plan names every column with the
/// alias of its range-table entry, and every alias maps to a schema-qualified table, so a plan resolves names more
/// reliably than parsing the SQL would (views, CTEs, subqueries and search_path are already resolved).
/// </summary>
/// <param name="columnType">The type of a table's column as <c>format_type</c> prints it, or null when it has no such column.</param>
internal sealed class ProfileBuilder(Func<RelationRef, string, string?> columnType)
{
    private static readonly HashSet<string> StringTypes = new(StringComparer.Ordinal) { "text", "character varying", "varchar", "character", "bpchar", "name" };
    private static readonly HashSet<string> RangeOperators = new(StringComparer.Ordinal) { "<", "<=", ">", ">=" };

    public QueryProfile Build(PlanNode root)
    {
        var nodes = root.DescendantsAndSelf().ToList();
        var aliases = new Dictionary<string, RelationRef>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Relation() is { } relation && node.AliasOrName() is { } alias)
            {
                aliases.TryAdd(alias, relation);
            }
        }

        var relations = new SortedDictionary<RelationRef, RelationUsage>();
        foreach (var relation in aliases.Values.Distinct())
        {
            relations[relation] = new RelationUsage(relation);
        }

        var context = new Context(aliases, relations, columnType);
        foreach (var node in nodes)
        {
            foreach (var condition in node.Conditions())
            {
                var expression = PlanExpressionParser.Parse(condition);
                context.Reference(expression);
                foreach (var conjunct in PlanExpressionParser.Conjuncts(expression))
                {
                    Classify(context, conjunct);
                }
            }

            ReadSortKeys(context, node);
            ReadGroupKeys(context, node);

            // A scan below another node may print its whole row (a "physical target list"); its parent prints what is used.
            if (node.RelationName is null || ReferenceEquals(node, root))
            {
                foreach (var output in node.Output)
                {
                    context.Reference(PlanExpressionParser.Parse(output));
                }
            }
        }

        return new QueryProfile(relations);
    }

    private static void Classify(Context context, PlanExpression conjunct)
    {
        switch (conjunct)
        {
            case OperatorExpression(var op, var left, var right):
                var leftColumn = context.Resolve(left);
                var rightColumn = context.Resolve(right);
                if (leftColumn is { } l && rightColumn is { } r && l.Relation != r.Relation)
                {
                    if (op == "=")
                    {
                        context.Usage(l.Relation).Join.Add(l.Column);
                        context.Usage(r.Relation).Join.Add(r.Column);
                    }
                }
                else if (leftColumn is { } column && context.IsValueFor(right, column.Relation))
                {
                    Compare(context, column, op, right);
                }
                else if (rightColumn is { } mirrored && context.IsValueFor(left, mirrored.Relation))
                {
                    Compare(context, mirrored, Mirror(op), left);
                }

                break;
            case AnyExpression("=", var left, var array) when context.Resolve(left) is { } column && context.IsValueFor(array, column.Relation):
                context.Usage(column.Relation).Equality.TryAdd(column.Column, new EqualityUse(EqualityKind.Value, null));
                break;
            case NullTestExpression(var argument, var isNull) when context.Resolve(argument) is { } column:
                if (isNull)
                {
                    context.Usage(column.Relation).Equality.TryAdd(column.Column, new EqualityUse(EqualityKind.IsNull, null));
                }
                else
                {
                    context.Usage(column.Relation).NotNull.Add(column.Column);
                }

                break;
            case ColumnExpression when context.Resolve(conjunct) is { } column && context.IsBoolean(column):
                context.Usage(column.Relation).Equality.TryAdd(column.Column, new EqualityUse(EqualityKind.IsTrue, null));
                break;
            case NotExpression(var argument) when context.Resolve(argument) is { } column && context.IsBoolean(column):
                context.Usage(column.Relation).Equality.TryAdd(column.Column, new EqualityUse(EqualityKind.IsFalse, null));
                break;
        }
    }

    private static void Compare(Context context, ResolvedColumn column, string op, PlanExpression value)
    {
        var usage = context.Usage(column.Relation);
        var outer = value.Columns.Any(c => context.ResolveReference(c) is not null);
        if (op == "=")
        {
            if (outer)
            {
                // Equal to a column of another table through an expression: a join key for a nested loop.
                usage.Join.Add(column.Column);
            }
            else
            {
                usage.Equality.TryAdd(column.Column, new EqualityUse(EqualityKind.Value, (value as ConstantExpression)?.Literal));
            }
        }
        else if (RangeOperators.Contains(op))
        {
            usage.Range.Add(column.Column);
        }
    }

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    private static void ReadSortKeys(Context context, PlanNode node)
    {
        if (node.SortKey.Count == 0 || !node.NodeType.EndsWith("Sort", StringComparison.Ordinal))
        {
            return;
        }

        var keys = node.SortKey.Select(PlanExpressionParser.ParseSortKey).ToList();
        var columns = keys.Select(k => context.Resolve(k.Expression)).ToList();
        foreach (var key in keys)
        {
            context.Reference(key.Expression);
        }

        if (columns.All(c => c is not null) && columns.Select(c => c!.Value.Relation).Distinct().Count() == 1)
        {
            var usage = context.Usage(columns[0]!.Value.Relation);
            usage.Sort ??= keys.Select((k, i) => new SortColumn(columns[i]!.Value.Column, k.Descending, k.NullsFirst))
                .DistinctBy(s => s.Column)
                .ToList();
        }
    }

    private static void ReadGroupKeys(Context context, PlanNode node)
    {
        if (node.GroupKey.Count == 0)
        {
            return;
        }

        var expressions = node.GroupKey.Select(PlanExpressionParser.Parse).ToList();
        var columns = expressions.Select(context.Resolve).ToList();
        foreach (var expression in expressions)
        {
            context.Reference(expression);
        }

        if (columns.All(c => c is not null) && columns.Select(c => c!.Value.Relation).Distinct().Count() == 1)
        {
            context.Usage(columns[0]!.Value.Relation).Group ??= columns.Select(c => c!.Value.Column).Distinct().ToList();
        }
    }

    private readonly record struct ResolvedColumn(RelationRef Relation, string Column);

    private sealed class Context(
        Dictionary<string, RelationRef> aliases, SortedDictionary<RelationRef, RelationUsage> relations, Func<RelationRef, string, string?> columnType)
    {
        private readonly RelationRef? _only = relations.Count == 1 ? relations.Keys.First() : null;

        public RelationUsage Usage(RelationRef relation) => relations[relation];

        /// <summary>The table column an expression is, when it is a plain column (or one under a cast between string types).</summary>
        public ResolvedColumn? Resolve(PlanExpression expression)
        {
            if (expression is not ColumnExpression column || ResolveReference(column) is not { } resolved)
            {
                return null;
            }

            if (column.CastType is { } cast
                && !(StringTypes.Contains(cast) && columnType(resolved.Relation, resolved.Column) is { } type && StringTypes.Contains(BaseType(type))))
            {
                return null;
            }

            return resolved;
        }

        /// <summary>Resolves an alias-qualified (or, in a one-table plan, bare) name to a real column.</summary>
        public ResolvedColumn? ResolveReference(ColumnExpression column)
        {
            RelationRef relation;
            if (column.Alias is null)
            {
                if (_only is not { } only)
                {
                    return null;
                }

                relation = only;
            }
            else if (!aliases.TryGetValue(column.Alias, out relation))
            {
                return null;
            }

            return columnType(relation, column.Column) is null ? null : new ResolvedColumn(relation, column.Column);
        }

        /// <summary>True when the expression does not depend on the table's own columns (a constant, parameter or outer column).</summary>
        public bool IsValueFor(PlanExpression expression, RelationRef relation) =>
            expression.Columns.All(c => ResolveReference(c) is not { } resolved || resolved.Relation != relation);

        public bool IsBoolean(ResolvedColumn column) => columnType(column.Relation, column.Column) == "boolean";

        public void Reference(PlanExpression expression)
        {
            foreach (var column in expression.Columns)
            {
                if (ResolveReference(column) is { } resolved)
                {
                    relations[resolved.Relation].Referenced.Add(resolved.Column);
                }
            }
        }

        private static string BaseType(string type)
        {
            var paren = type.IndexOf('(', StringComparison.Ordinal);
            return paren < 0 ? type : type[..paren];
        }
    }
}
