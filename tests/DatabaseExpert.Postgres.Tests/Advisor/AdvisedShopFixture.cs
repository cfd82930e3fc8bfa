using DatabaseExpert.Postgres.Advisor;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Advisor;

/// <summary>Runs the advisor (with verification) once on a planted shop copy; the tests of a class read the outcome.</summary>
public sealed class AdvisedShopFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AdviseResult? _result;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public AdviseResult Result => _result ?? throw new InvalidOperationException("not initialised");

    /// <summary>The indexes (schema.name: definition) before the advisor ran.</summary>
    public IReadOnlyDictionary<string, string> IndexesBefore { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await ShopWorkload.CreateDatabaseAsync("advisor");
        IndexesBefore = await IndexesAsync(_database);
        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("shop", _database.ConnectionString, ReadOnly: false));
        _result = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(ShopWorkload.Sql, ShopWorkload.FileName) with { Verify = true });
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The workload query starting at a line of <see cref="ShopWorkload.Sql"/>.</summary>
    public QueryCost QueryAt(int line) =>
        Result.Queries.SingleOrDefault(q => q.Source == $"{ShopWorkload.FileName}:{line}")
        ?? throw new InvalidOperationException($"no costed query at line {line}: {string.Join(", ", Result.Queries.Select(q => q.Source))}");

    public static async Task<IReadOnlyDictionary<string, string>> IndexesAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("select schemaname || '.' || indexname, indexdef from pg_indexes where schemaname = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            indexes[reader.GetString(0)] = reader.GetString(1);
        }

        return indexes;
    }
}
