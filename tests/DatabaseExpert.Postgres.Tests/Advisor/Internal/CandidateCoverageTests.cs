using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using DatabaseExpert.Postgres.Advisor.Internal.Statistics;

namespace DatabaseExpert.Postgres.Tests.Advisor.Internal;

public sealed class CandidateCoverageTests
{
    private static readonly RelationRef Orders = new("public", "orders");

    private static readonly ExistingIndex CustomerCreated = new(
        Orders, "orders_customer_id_created_at_idx", "btree", [("customer_id", false, false), ("created_at", true, true)], ["total_cents"], null, true);

    private static readonly Dictionary<string, IndexCandidate> Candidates = new(StringComparer.Ordinal)
    {
        ["(customer_id)"] = new(Orders, [new IndexKeyColumn("customer_id")]),
        ["(customer_id, created_at DESC)"] = new(Orders, [new IndexKeyColumn("customer_id"), new IndexKeyColumn("created_at", true, true)]),
        ["(customer_id DESC, created_at)"] = new(Orders, [new IndexKeyColumn("customer_id", true, true), new IndexKeyColumn("created_at")]),
        ["(customer_id, created_at)"] = new(Orders, [new IndexKeyColumn("customer_id"), new IndexKeyColumn("created_at")]),
        ["(created_at)"] = new(Orders, [new IndexKeyColumn("created_at")]),
        ["(customer_id) INCLUDE (total_cents)"] = new(Orders, [new IndexKeyColumn("customer_id")], ["total_cents"]),
        ["(customer_id) INCLUDE (status)"] = new(Orders, [new IndexKeyColumn("customer_id")], ["status"]),
        ["(customer_id) WHERE status = 'pending'"] = new(
            Orders, [new IndexKeyColumn("customer_id")], predicate: new PartialPredicate("status", PredicateKind.EqualsLiteral, "'pending'")),
        ["reviews (customer_id)"] = new(new RelationRef("public", "reviews"), [new IndexKeyColumn("customer_id")]),
    };

    [Theory]
    [InlineData("(customer_id)", true)]
    [InlineData("(customer_id, created_at DESC)", true)]
    [InlineData("(customer_id DESC, created_at)", true)]
    [InlineData("(customer_id, created_at)", false)]
    [InlineData("(created_at)", false)]
    [InlineData("(customer_id) INCLUDE (total_cents)", true)]
    [InlineData("(customer_id) INCLUDE (status)", false)]
    [InlineData("(customer_id) WHERE status = 'pending'", false)]
    [InlineData("reviews (customer_id)", false)]
    public void A_leading_prefix_in_the_same_or_reversed_order_is_covered(string candidate, bool covered) =>
        Assert.Equal(covered, CandidateCoverage.IsCoveredBy(Candidates[candidate], CustomerCreated));

    [Fact]
    public void Partial_and_invalid_indexes_cover_only_what_they_can_serve()
    {
        var pending = new PartialPredicate("status", PredicateKind.EqualsLiteral, "'pending'");
        var partial = new ExistingIndex(Orders, "p", "btree", [("created_at", false, false)], [], "(status = 'pending'::order_status)", true);
        var invalid = CustomerCreated with { Usable = false };

        Assert.True(CandidateCoverage.IsCoveredBy(new IndexCandidate(Orders, [new IndexKeyColumn("created_at")], predicate: pending), partial));
        Assert.False(CandidateCoverage.IsCoveredBy(new IndexCandidate(Orders, [new IndexKeyColumn("created_at")]), partial));
        Assert.False(CandidateCoverage.IsCoveredBy(new IndexCandidate(Orders, [new IndexKeyColumn("customer_id")]), invalid));
    }
}
