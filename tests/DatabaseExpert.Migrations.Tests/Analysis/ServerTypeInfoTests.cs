using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Tests.Rules;
using DatabaseExpert.Testing.Postgres;
using Npgsql;

namespace DatabaseExpert.Migrations.Tests.Analysis;

/// <summary>Catalog knowledge read from a real server, and the rules that use it when no earlier migration says enough.</summary>
public sealed class ServerTypeInfoTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private ServerTypeInfo _types = null!;

    public async Task InitializeAsync()
    {
        await postgres.Database.ExecuteAsync("""
            CREATE SCHEMA IF NOT EXISTS billing;
            CREATE TABLE IF NOT EXISTS billing.invoices (
              id integer PRIMARY KEY, code varchar(10), amount numeric(10,2), created timestamp(3), tags text[]);
            CREATE OR REPLACE FUNCTION public.make_code() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'x' $$;
            CREATE OR REPLACE FUNCTION public.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
            """);
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        _types = await ServerTypeInfo.LoadAsync(dataSource, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Reads_column_types_with_their_modifiers()
    {
        var table = new ObjectName("billing", "invoices");

        Assert.Equal("integer", _types.ColumnType(table, "id")?.Name);
        Assert.Equal("character varying(10)", _types.ColumnType(table, "code")?.Canonical);
        Assert.Equal("numeric(10,2)", _types.ColumnType(table, "amount")?.Canonical);
        Assert.Equal("timestamp(3) without time zone", _types.ColumnType(table, "created")?.Canonical);
        Assert.Equal(1, _types.ColumnType(table, "tags")?.ArrayDimensions);
        Assert.Null(_types.ColumnType(table, "missing"));
        Assert.Null(_types.ColumnType(ObjectName.Of("invoices"), "id"));
    }

    [Fact]
    public void Reads_binary_coercible_casts_from_pg_cast()
    {
        Assert.True(_types.IsBinaryCoercible("character varying", "text"));
        Assert.True(_types.IsBinaryCoercible("cidr", "inet"));
        Assert.False(_types.IsBinaryCoercible("integer", "bigint"));
        Assert.False(_types.IsBinaryCoercible("character", "text"));
    }

    [Fact]
    public void Reads_function_volatility_and_the_server()
    {
        Assert.Equal(Volatility.Stable, _types.FunctionVolatility(null, "make_code"));
        Assert.Equal(Volatility.Volatile, _types.FunctionVolatility("public", "next_code"));
        Assert.Equal(Volatility.Volatile, _types.FunctionVolatility(null, "gen_random_uuid"));
        Assert.Null(_types.FunctionVolatility(null, "no_such_function"));
        Assert.True(_types.MajorVersion >= 12, _types.Source);
        Assert.Contains(postgres.Database.Name, _types.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_changes_use_the_catalog_when_no_migration_created_the_column()
    {
        var widen = RuleHarness.Lint("ALTER TABLE billing.invoices ALTER COLUMN code TYPE varchar(20);", types: _types);
        var rewrite = RuleHarness.Lint("ALTER TABLE billing.invoices ALTER COLUMN id TYPE bigint;", types: _types);

        Assert.DoesNotContain(widen, f => f.Rule == "changing-column-type");
        var finding = Assert.Single(rewrite, f => f.Rule == "changing-column-type");
        Assert.Equal(Model.Severity.Error, finding.Severity);
        Assert.Contains("from integer to bigint", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_use_the_catalog_for_user_functions()
    {
        var stable = RuleHarness.Lint("ALTER TABLE billing.invoices ADD COLUMN c2 text DEFAULT make_code();", types: _types);
        var volatileDefault = RuleHarness.Lint("ALTER TABLE billing.invoices ADD COLUMN c3 text DEFAULT next_code();", types: _types);

        Assert.DoesNotContain(stable, f => f.Rule == "adding-field-with-default");
        Assert.Equal(Model.Severity.Error, Assert.Single(volatileDefault, f => f.Rule == "adding-field-with-default").Severity);
    }
}
