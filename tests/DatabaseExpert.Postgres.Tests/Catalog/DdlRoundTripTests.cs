using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>introspect → DDL → replay into an empty database → introspect again: the two schemas must be identical.</summary>
public sealed class DdlRoundTripTests
{
    [Fact]
    public async Task Shop_and_feature_schema_survive_a_round_trip_through_ddl()
    {
        await using var source = await CatalogTestData.CreateShopWithFeaturesAsync("roundtrip_src");
        var original = await CatalogTestData.ReadAsync(source);
        var ddl = DdlWriter.Write(original);

        await using var target = await PostgresServer.CreateDatabaseAsync("roundtrip_dst");
        await target.ExecuteAsync(ddl);
        var replayed = await CatalogTestData.ReadAsync(target);

        AssertSameSchema(original, replayed, ddl);
    }

    internal static void AssertSameSchema(CatalogSnapshot expected, CatalogSnapshot actual, string ddl)
    {
        var left = CatalogTestData.Normalized(expected).Split('\n');
        var right = CatalogTestData.Normalized(actual).Split('\n');
        var first = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], -1);
        if (first < 0 && left.Length == right.Length)
        {
            return;
        }

        first = first < 0 ? Math.Min(left.Length, right.Length) : first;
        var from = Math.Max(0, first - 15);
        Assert.Fail(
            $"the replayed schema differs at line {first + 1} of the normalized JSON.\n--- original ---\n{string.Join('\n', left.Skip(from).Take(25))}"
            + $"\n--- replayed ---\n{string.Join('\n', right.Skip(from).Take(25))}\n--- DDL ---\n{ddl}");
    }
}
