using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Tests.Plans;

public sealed class ExpressionColumnsTests
{
    [Theory]
    [InlineData("(notes = 'gift wrap please'::text)", "notes", "Equality")]
    [InlineData("(o.created_at >= '2024-01-01 00:00:00+00'::timestamp with time zone)", "created_at", "Range")]
    [InlineData("(status = ANY ('{pending,paid}'::order_status[]))", "status", "Equality")]
    [InlineData("(shipped_at IS NULL)", "shipped_at", "Equality")]
    [InlineData("(NOT active)", "active", "Equality")]
    [InlineData("((id % '2'::bigint) = 0)", "id", "Expression")]
    [InlineData("(lower(email) = 'a@b.c'::text)", "email", "Expression")]
    [InlineData("(notes ~~ '%gift%'::text)", "notes", "Other")]
    [InlineData("(0 < quantity)", "quantity", "Range")]
    [InlineData("(\"Weird Col\" = 1)", "Weird Col", "Equality")]
    public void Finds_the_column_and_how_it_is_compared(string expression, string column, string use)
    {
        var reference = Assert.Single(ExpressionColumns.Extract(expression));

        Assert.Equal(column, reference.Name);
        Assert.Equal(use, reference.Use.ToString());
    }

    [Fact]
    public void Keeps_qualifiers_and_skips_literals_casts_and_key_words()
    {
        var references = ExpressionColumns.Extract(
            "((o.status = 'paid'::order_status) AND (o.total_cents > 1000) AND (c.id = o.customer_id) AND (SubPlan 1))");

        Assert.Equal(
            new (string?, string, ColumnUse)[] { ("o", "status", ColumnUse.Equality), ("o", "total_cents", ColumnUse.Range), ("c", "id", ColumnUse.Equality), ("o", "customer_id", ColumnUse.Equality) },
            references.Select(r => (r.Qualifier, r.Name, r.Use)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("(true)")]
    [InlineData("('a'::text = $1)")]
    public void No_columns_in_constant_conditions(string? expression)
    {
        Assert.Empty(ExpressionColumns.Extract(expression));
    }

    [Fact]
    public void Sort_directions_are_not_columns()
    {
        Assert.Equal(["created_at"], ExpressionColumns.Extract("o.created_at DESC NULLS LAST").Select(r => r.Name));
    }
}
