using System.Text;

namespace DatabaseExpert.Postgres.Tests.Advisor;

public sealed class IndexAdvisorTests(AdvisedShopFixture shop) : IClassFixture<AdvisedShopFixture>
{
    public static TheoryData<int, string> UnambiguousChoices => new()
    {
        // Equality on the dropped foreign key plus the ORDER BY: the index the fixture had, direction included.
        { 9, "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders USING btree (customer_id, created_at DESC)" },
        { 10, "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders USING btree (customer_id, created_at DESC)" },
        { 11, "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders USING btree (customer_id, created_at DESC)" },
        { 15, "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders USING btree (customer_id, created_at DESC)" },
        { 14, "CREATE INDEX CONCURRENTLY reviews_product_id_idx ON reviews USING btree (product_id)" },
        { 18, "CREATE INDEX CONCURRENTLY orders_shipped_at_idx ON orders USING btree (shipped_at)" },

        // A rare status: a partial index, tiny next to a full one.
        { 24, "CREATE INDEX CONCURRENTLY orders_created_at_pending_idx ON orders USING btree (created_at) WHERE status = 'pending'" },
        { 25, "CREATE INDEX CONCURRENTLY orders_created_at_pending_idx ON orders USING btree (created_at) WHERE status = 'pending'" },

        // The existing (created_at) index finds the rows; INCLUDE lets the sum skip the table.
        { 28, "CREATE INDEX CONCURRENTLY orders_created_at_total_cents_idx ON orders USING btree (created_at) INCLUDE (total_cents)" },
    };

    [Fact]
    public void Cuts_the_estimated_workload_cost_by_more_than_half()
    {
        var result = shop.Result;

        Assert.True(result.WorkloadCostAfter <= result.WorkloadCostBefore * 0.5, $"{result.WorkloadCostBefore} → {result.WorkloadCostAfter}");
        Assert.Equal(result.Queries.Sum(q => q.Weight * q.CostBefore), result.WorkloadCostBefore, 0.1);
        Assert.Equal(result.Queries.Sum(q => q.Weight * q.CostAfter), result.WorkloadCostAfter, 0.1);
        Assert.Equal(20, result.Queries.Count);
        Assert.All(result.Queries, q => Assert.True(q.CostAfter <= q.CostBefore, $"{q.Source} got more expensive"));
    }

    [Theory]
    [MemberData(nameof(UnambiguousChoices))]
    public void Chooses_the_index_a_query_clearly_needs(int line, string definition)
    {
        var query = shop.QueryAt(line);
        var recommendation = shop.Result.Recommendations.SingleOrDefault(r => r.Definition == definition);

        Assert.True(recommendation is not null, shop.Result.ToModelText());
        Assert.Contains(recommendation.Name, query.Indexes);
        Assert.Contains(recommendation.Queries, q => q.Source == query.Source);
        Assert.True(query.CostAfter < query.CostBefore, $"{query.Source}: {query.CostBefore} → {query.CostAfter}");
    }

    [Theory]
    [InlineData(19)]
    [InlineData(20)]
    public void Serves_a_range_and_an_order_by_on_the_same_column_with_one_index(int line)
    {
        // (created_at) alone, or with INCLUDE for an index-only scan of line 19: which one wins depends on the sampled statistics.
        var query = shop.QueryAt(line);
        var recommendation = Assert.Single(shop.Result.Recommendations, r => r.Table == "customers" && r.Columns.SequenceEqual(["created_at"]));

        Assert.Equal([recommendation.Name], query.Indexes);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Leaves_queries_the_existing_indexes_serve_alone(int line)
    {
        var query = shop.QueryAt(line);

        Assert.Empty(query.Indexes);
        Assert.Equal(query.CostBefore, query.CostAfter);
        Assert.DoesNotContain(shop.Result.Recommendations, r => r.Queries.Any(q => q.Source == query.Source));
    }

    [Fact]
    public void Never_recommends_what_an_existing_index_already_provides()
    {
        foreach (var recommendation in shop.Result.Recommendations.Where(r => r.Include.Count == 0 && r.Where is null))
        {
            var keys = $"({string.Join(", ", recommendation.Columns)}";
            Assert.DoesNotContain(
                shop.IndexesBefore.Values,
                definition => definition.Contains($" ON public.{recommendation.Table} USING btree {keys}", StringComparison.Ordinal)
                              && !definition.Contains(" WHERE ", StringComparison.Ordinal));
        }

        Assert.All(shop.Result.Recommendations, r => Assert.DoesNotContain($"public.{r.Name}", shop.IndexesBefore.Keys));
    }

    [Fact]
    public void Keeps_no_index_that_another_recommendation_makes_redundant()
    {
        var recommendations = shop.Result.Recommendations;
        foreach (var wide in recommendations)
        {
            foreach (var narrow in recommendations.Where(n => n != wide && n.Table == wide.Table && n.Where == wide.Where))
            {
                var isPrefix = narrow.Columns.Count <= wide.Columns.Count && narrow.Columns.SequenceEqual(wide.Columns.Take(narrow.Columns.Count));
                Assert.False(isPrefix && narrow.Include.All(wide.Columns.Concat(wide.Include).Contains), $"{narrow.Definition} is redundant next to {wide.Definition}");
            }
        }

        // The single-column (customer_id) index serves three queries on its own; the composite one replaced it.
        Assert.DoesNotContain(recommendations, r => r.Table == "orders" && r.Columns.SequenceEqual(["customer_id"]));
        Assert.All(recommendations, r => Assert.NotEmpty(r.Queries));
    }

    [Fact]
    public void Names_are_postgres_style_unique_and_fit_in_63_bytes()
    {
        var recommendations = shop.Result.Recommendations;

        Assert.Equal(recommendations.Count, recommendations.Select(r => r.Name).Distinct().Count());
        Assert.All(recommendations, r =>
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(r.Name), 1, 63);
            Assert.StartsWith($"{r.Table}_", r.Name, StringComparison.Ordinal);
            Assert.EndsWith("_idx", r.Name, StringComparison.Ordinal);
            Assert.StartsWith($"CREATE INDEX CONCURRENTLY {r.Name} ON {r.Table} USING btree (", r.Definition, StringComparison.Ordinal);
            Assert.True(r.EstimatedSizeBytes > 0);
            Assert.Equal(r.Queries.Sum(q => q.Weight * q.CostBefore), r.CostBefore, 0.1);
        });
    }

    [Fact]
    public void Verification_builds_the_indexes_for_real_and_shows_the_speedup()
    {
        var verification = shop.Result.Verification;

        Assert.NotNull(verification);
        Assert.True(verification.Performed, verification.Reason);
        Assert.Equal(shop.Result.Recommendations.Select(r => r.Name).Order(), verification.Indexes.Select(i => i.Name).Order());
        Assert.All(verification.Indexes, i => Assert.True(i.Usable && i.SizeBytes > 0, i.ToString()));
        var helped = shop.Result.Recommendations.SelectMany(r => r.Queries).Select(q => q.Source).Distinct().ToList();
        Assert.Equal(helped.Order(), verification.Queries.Select(q => q.Source).Order());
        Assert.All(verification.Queries, q =>
        {
            Assert.Null(q.NotTimedReason);
            Assert.True(q.AfterMs < q.BeforeMs, $"{q.Source}: {q.BeforeMs} ms → {q.AfterMs} ms");
            Assert.NotEmpty(q.IndexesUsed);
        });
    }

    [Fact]
    public async Task Leaves_the_database_as_it_was()
    {
        // Costing used hypothetical indexes only, verification a transaction that was rolled back.
        Assert.Equal(shop.IndexesBefore, await AdvisedShopFixture.IndexesAsync(shop.Database));
    }

    [Fact]
    public void Reports_what_it_did_not_cost_and_why()
    {
        var skipped = Assert.Single(shop.Result.Skipped);

        Assert.Equal($"{ShopWorkload.FileName}:34", skipped.Source);
        Assert.Contains("not a query (SET)", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(ShopWorkload.FileName, shop.Result.Source);
        Assert.True(shop.Result.CandidatesConsidered >= shop.Result.Recommendations.Count);
    }

    [Fact]
    public void Model_text_lists_every_statement_to_run_and_the_totals()
    {
        var text = shop.Result.ToModelText();

        Assert.All(shop.Result.Recommendations, r => Assert.Contains(r.Definition + ";", text, StringComparison.Ordinal));
        Assert.Contains("estimated workload cost", text, StringComparison.Ordinal);
        Assert.Contains($"{ShopWorkload.FileName}:34: not a query", text, StringComparison.Ordinal);
        Assert.Contains("× faster", text, StringComparison.Ordinal);
    }
}
