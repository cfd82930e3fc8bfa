using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>A private copy of the shop fixture with a handle on it, for tests that plant problems and explain queries.</summary>
public sealed class ShopExplainer : IAsyncDisposable
{
    /// <summary>
    /// Most tests pin plans to one process: parallel workers come from a pool the whole shared test server competes
    /// for, and a plan must not change with what other test classes happen to run at the same time.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Serial = new Dictionary<string, string> { ["max_parallel_workers_per_gather"] = "0" };

    private ShopExplainer(TestDatabase database, DatabaseHandle handle)
    {
        Database = database;
        Handle = handle;
    }

    public TestDatabase Database { get; }

    public DatabaseHandle Handle { get; }

    public static async Task<ShopExplainer> CreateAsync(string prefix, string? connectionOptions = null)
    {
        var database = await ShopDatabase.CreateAsync(prefix);
        var connectionString = connectionOptions is null ? database.ConnectionString : $"{database.ConnectionString};{connectionOptions}";
        return new ShopExplainer(database, await DatabaseHandle.OpenAsync(new DatabaseTarget("test", connectionString, ReadOnly: true)));
    }

    /// <summary>EXPLAIN ANALYZE (by default) on one process, plus the given settings.</summary>
    public Task<ExplainResult> AnalyzeAsync(string sql, params (string Name, string Value)[] settings) =>
        ExplainRunner.ExplainAsync(Handle, new ExplainRequest(sql) { Analyze = true, SessionSettings = With(settings) });

    public Task<ExplainResult> ExplainAsync(ExplainRequest request) => ExplainRunner.ExplainAsync(Handle, request);

    public static Dictionary<string, string> With(params (string Name, string Value)[] settings)
    {
        var all = new Dictionary<string, string>(Serial);
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await Handle.DisposeAsync();
        await Database.DisposeAsync();
    }
}
