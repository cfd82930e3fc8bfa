using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Tests.Plans;

public sealed class PlanExpressionParserTests
{
    [Fact]
    public void Reads_deparsed_comparisons_with_casts()
    {
        var conjuncts = PlanExpressionParser.Conjuncts(PlanExpressionParser.Parse(
            "((o.status = 'pending'::order_status) AND (o.created_at >= '2025-01-01 00:00:00+00'::timestamp with time zone) AND ((p.sku)::text = 'A'::text))")).ToList();

        Assert.Equal(3, conjuncts.Count);
        Assert.Equal(new OperatorExpression("=", new ColumnExpression("o", "status"), new ConstantExpression("'pending'")), conjuncts[0]);
        Assert.Equal(new OperatorExpression(">=", new ColumnExpression("o", "created_at"), new ConstantExpression("'2025-01-01 00:00:00+00'")), conjuncts[1]);
        Assert.Equal(new OperatorExpression("=", new ColumnExpression("p", "sku", "text"), new ConstantExpression("'A'")), conjuncts[2]);
    }

    [Fact]
    public void Reads_in_lists_null_tests_booleans_and_joins()
    {
        Assert.IsType<AnyExpression>(PlanExpressionParser.Parse("(o.status = ANY ('{paid,shipped}'::order_status[]))"));
        Assert.Equal(new NullTestExpression(new ColumnExpression("o", "shipped_at"), IsNull: true), PlanExpressionParser.Parse("(o.shipped_at IS NULL)"));
        Assert.Equal(new NotExpression(new ColumnExpression("products", "active")), PlanExpressionParser.Parse("(NOT products.active)"));
        Assert.Equal(
            new OperatorExpression("=", new ColumnExpression("oi", "order_id"), new ColumnExpression("o", "id")),
            PlanExpressionParser.Parse("(oi.order_id = o.id)"));
    }

    [Fact]
    public void Functions_without_columns_are_values_and_anything_odd_keeps_its_columns()
    {
        Assert.Equal(
            new OperatorExpression(">", new ColumnExpression("o", "created_at"), new ConstantExpression(null)),
            PlanExpressionParser.Parse("(o.created_at > (now() - '7 days'::interval))"));
        Assert.Equal(
            new OperatorExpression("=", new ColumnExpression("o", "total_cents"), new ConstantExpression(null)),
            PlanExpressionParser.Parse("(o.total_cents = (SubPlan 1))"));

        var odd = PlanExpressionParser.Parse("(CASE WHEN (c.country = 'US'::bpchar) THEN c.zip ELSE c.city END = lower(c.email))");
        Assert.Equal(["country", "zip", "city", "email"], odd.Columns.Select(c => c.Column));
    }

    [Theory]
    [InlineData("o.created_at DESC", true, true)]
    [InlineData("o.created_at", false, false)]
    [InlineData("o.created_at DESC NULLS LAST", true, false)]
    [InlineData("o.created_at NULLS FIRST", false, true)]
    public void Reads_sort_keys_with_their_order(string key, bool descending, bool nullsFirst)
    {
        var (expression, isDescending, isNullsFirst) = PlanExpressionParser.ParseSortKey(key);

        Assert.Equal(new ColumnExpression("o", "created_at"), expression);
        Assert.Equal((descending, nullsFirst), (isDescending, isNullsFirst));
    }

    [Fact]
    public void Sql_value_functions_are_values_and_calls_are_computed()
    {
        Assert.Equal(
            new OperatorExpression(">", new ColumnExpression("o", "created_at"), new ConstantExpression(null)),
            PlanExpressionParser.Parse("(o.created_at > (CURRENT_DATE - 30))"));
        var call = Assert.IsType<OperatorExpression>(PlanExpressionParser.Parse("(lower(email) = 'a@b.c'::text)"));
        Assert.Equal(new ColumnExpression(null, "email"), Assert.Single(Assert.IsType<ComputedExpression>(call.Left).Columns));
    }

    [Fact]
    public void Malformed_or_absurdly_nested_text_keeps_its_columns_without_failing()
    {
        Assert.Equal(["a"], PlanExpressionParser.Parse("((o.a = 1)").Columns.Select(c => c.Column));
        Assert.Empty(PlanExpressionParser.Parse("(x = 'unterminated").Columns);

        var deep = PlanExpressionParser.Parse(new string('(', 5000) + "t.a = 1" + new string(')', 5000));
        Assert.Equal(["a"], deep.Columns.Select(c => c.Column));
    }
}
