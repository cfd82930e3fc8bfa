using DatabaseExpert.Postgres.Sql;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Advisor;

/// <summary>
/// The advisor's test ground: a copy of the shop fixture with realistic needs planted (Workload/shop-needs.sql: three
/// foreign-key indexes dropped, 'pending' orders made rare, a reseller with 500 orders) and a workload of 21
/// statements (Workload/shop-workload.sql): lookups and joins on the now unindexed foreign keys, range scans, ORDER BY
/// … LIMIT, a rare-status filter (partial index), an aggregate over a range that an index-only scan can answer
/// (INCLUDE), queries the existing indexes already serve, and a SET. bench/scripts/advise.sh uses the same files.
/// </summary>
internal static class ShopWorkload
{
    public const string FileName = "shop-workload.sql";

    public static string Sql { get; } = File.ReadAllText(PathOf(FileName));

    /// <summary>A private shop copy with the needs planted and hypopg created.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string prefix)
    {
        var database = await ShopDatabase.CreateAsync(prefix);
        try
        {
            // One statement at a time, as psql -f runs the file: VACUUM cannot run inside a multi-statement batch.
            await using (var connection = await database.OpenConnectionAsync())
            {
                foreach (var statement in SqlScript.Parse(File.ReadAllText(PathOf("shop-needs.sql"))).Statements)
                {
                    await using var command = new Npgsql.NpgsqlCommand(statement.Text, connection) { CommandTimeout = 300 };
                    await command.ExecuteNonQueryAsync();
                }
            }

            await database.CreateHypoPgAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Advisor", "Workload", file);
}
