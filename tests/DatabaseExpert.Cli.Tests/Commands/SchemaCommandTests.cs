using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

public sealed class SchemaCommandTests(SchemaCommandTests.Shop shop) : IClassFixture<SchemaCommandTests.Shop>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_has_the_documented_shape()
    {
        var result = await RunAsync("schema", "--format", "json", "--db", shop.Database.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        foreach (var list in new[] { "tables", "views", "enums", "sequences" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(list).ValueKind);
        }

        var orders = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "orders");
        Assert.Equal("public", orders.GetProperty("schema").GetString());
        Assert.Equal(7, orders.GetProperty("columns").GetArrayLength());
        Assert.Equal("bigint", orders.GetProperty("columns")[0].GetProperty("type").GetString());
        var key = orders.GetProperty("foreignKeys").EnumerateArray().Single();
        Assert.Equal("customers", key.GetProperty("references").GetProperty("name").GetString());
        Assert.Equal("noAction", key.GetProperty("onDelete").GetString());
        Assert.Contains(orders.GetProperty("indexes").EnumerateArray(), i => i.GetProperty("definition").GetString()!.EndsWith("(customer_id, created_at DESC)", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, orders.GetProperty("checks").ValueKind);
        Assert.Equal("order_status", root.GetProperty("enums")[0].GetProperty("name").GetString());
        Assert.InRange(root.GetProperty("queries").GetInt32(), 1, 12);
    }

    [Fact]
    public async Task Sql_replays_into_an_empty_database_as_the_same_schema()
    {
        var sql = await RunAsync("schema", "--format", "sql", "--db", shop.Database.Url);
        Assert.True(sql.ExitCode == 0, sql.ToString());
        await using var empty = await PostgresServer.CreateDatabaseAsync("schema_cli_replay");

        await empty.ExecuteAsync(sql.Stdout);

        var original = await RunAsync("schema", "--format", "json", "--db", shop.Database.Url);
        var replayed = await RunAsync("schema", "--format", "json", "--db", empty.Url);
        Assert.Equal(Normalized(original.Stdout), Normalized(replayed.Stdout));
    }

    [Fact]
    public async Task Text_lists_each_table_with_columns_and_indexes()
    {
        var result = await RunAsync("schema", "--db", shop.Database.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"database {shop.Database.Name} · PostgreSQL ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\ntable public.orders · ~", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  customer_id  bigint", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  index orders_pkey: unique btree (id) · primary key · ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("view public.customer_order_totals: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_and_table_options_narrow_the_output()
    {
        var result = await RunAsync("schema", "--format", "json", "--schema", "public", "--table", "order*", "--table", "public.inventory", "--db", shop.Database.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["inventory", "order_items", "orders"], document.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(0, document.RootElement.GetProperty("views").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_schema_is_a_usage_error_naming_the_schemas()
    {
        var result = await RunAsync("schema", "--schema", "sales", "--db", shop.Database.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dbx: no schema named 'sales' in this database (names are case-sensitive); schemas: information_schema, pg_catalog, public", result.StderrLines[0]);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Table_pattern_matching_nothing_is_a_usage_error()
    {
        var result = await RunAsync("schema", "--table", "nothing_like_this", "--db", shop.Database.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dbx: no table or view matches 'nothing_like_this'", result.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_format_is_a_usage_error()
    {
        var result = await RunAsync("schema", "--format", "yaml", "--db", shop.Database.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format 'yaml' is not supported by schema; use text, json or sql", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_is_a_runtime_error_without_the_password()
    {
        var result = await RunAsync("schema", "--db", "postgres://someone:s3cret-pw@127.0.0.1:1/nowhere?connect_timeout=2");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("dbx: cannot connect to", result.StderrLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_database_is_a_usage_error()
    {
        var result = await RunAsync("schema");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dbx: no database given", result.StderrLines[0], StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(params string[] args) => DbxRunner.RunAsync(args, _workspace.Options(TestEnvironment.Base()));

    /// <summary>The JSON without what differs between two databases with the same schema.</summary>
    private static string Normalized(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("database");
        Strip(root);
        return root.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                obj.Remove("statistics");
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Strip(child);
                }
            }
        }
    }

    /// <summary>One copy of the shop fixture for the class.</summary>
    public sealed class Shop : IAsyncLifetime
    {
        private TestDatabase? _database;

        public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

        public async Task InitializeAsync() => _database = await ShopDatabase.CreateAsync("schema_cli");

        public async Task DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
