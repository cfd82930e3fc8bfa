using System.Text;
using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using DatabaseExpert.Postgres.Advisor.Internal.Output;
using DatabaseExpert.Postgres.Advisor.Internal.Plans;

namespace DatabaseExpert.Postgres.Tests.Advisor.Internal;

public sealed class IndexNamingTests
{
    private static readonly RelationRef Orders = new("public", "orders");

    [Fact]
    public void Follows_postgres_naming_with_include_columns_and_predicate_words()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);

        Assert.Equal("orders_customer_id_created_at_idx", IndexNaming.Choose(
            new IndexCandidate(Orders, [new IndexKeyColumn("customer_id"), new IndexKeyColumn("created_at", true, true)]), taken));
        Assert.Equal("orders_created_at_total_cents_idx", IndexNaming.Choose(
            new IndexCandidate(Orders, [new IndexKeyColumn("created_at")], ["total_cents"]), taken));
        Assert.Equal("orders_created_at_pending_idx", IndexNaming.Choose(
            new IndexCandidate(Orders, [new IndexKeyColumn("created_at")], predicate: new PartialPredicate("status", PredicateKind.EqualsLiteral, "'pending'")), taken));
        Assert.Equal("orders_id_shipped_at_null_idx", IndexNaming.Choose(
            new IndexCandidate(Orders, [new IndexKeyColumn("id")], predicate: new PartialPredicate("shipped_at", PredicateKind.IsNull)), taken));
    }

    [Fact]
    public void Avoids_names_in_use_and_stays_within_63_bytes()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "public.orders_shipped_at_idx" };
        var shipped = new IndexCandidate(Orders, [new IndexKeyColumn("shipped_at")]);
        var wide = new IndexCandidate(
            new RelationRef("public", "a_table_with_a_rather_long_descriptive_name"),
            [new IndexKeyColumn("first_very_long_column_name"), new IndexKeyColumn("second_very_long_column_name")],
            ["Ünïcode column"]);
        var wider = new IndexCandidate(wide.Table, wide.Keys, ["another included column"]);

        Assert.Equal("orders_shipped_at_idx1", IndexNaming.Choose(shipped, taken));
        var first = IndexNaming.Choose(wide, taken);
        var second = IndexNaming.Choose(wider, taken);

        Assert.NotEqual(first, second);
        Assert.All([first, second], name =>
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 63);
            Assert.Matches("^[a-z][a-z0-9_]*_idx$", name);
            Assert.StartsWith("a_table_with_a_rather_long", name, StringComparison.Ordinal);
        });
        Assert.Equal(first, IndexNaming.Choose(wide, new HashSet<string>(StringComparer.Ordinal)));
    }
}
