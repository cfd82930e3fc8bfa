using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Analysis;

public sealed class VolatilityTests
{
    [Theory]
    [InlineData("0", Volatility.Immutable, null)]
    [InlineData("'{}'::text[]", Volatility.Immutable, null)]
    [InlineData("CAST(ARRAY[] AS bigint[])", Volatility.Immutable, null)]
    [InlineData("now()", Volatility.Stable, null)]
    [InlineData("CURRENT_TIMESTAMP", Volatility.Stable, null)]
    [InlineData("now() - interval '100 years'", Volatility.Stable, null)]
    [InlineData("lower('A')", Volatility.Stable, null)]
    [InlineData("coalesce(current_setting('app.x', true), 'a')", Volatility.Stable, null)]
    [InlineData("gen_random_uuid()", Volatility.Volatile, "gen_random_uuid")]
    [InlineData("(random() * 10)::int", Volatility.Volatile, "random")]
    [InlineData("nextval('orders_id_seq'::regclass)", Volatility.Volatile, "nextval")]
    [InlineData("clock_timestamp()", Volatility.Volatile, "clock_timestamp")]
    [InlineData("public.uuid_generate_v4()", Volatility.Unknown, "uuid_generate_v4")]
    [InlineData("make_code()", Volatility.Unknown, "make_code")]
    public void Classifies_default_expressions(string expression, Volatility volatility, string? culprit)
    {
        var (actual, call) = Context().VolatilityOf(Default(expression));

        Assert.Equal(volatility, actual);
        Assert.Equal(culprit, call?.Name);
    }

    [Fact]
    public void Functions_created_earlier_in_the_migrations_count()
    {
        var context = Context();
        context.Advance(ClassifierAssert.Classify<CreateFunctionStatement>("CREATE FUNCTION make_code() RETURNS text IMMUTABLE LANGUAGE sql AS 'select 1'"));

        Assert.Equal(Volatility.Immutable, context.VolatilityOf(Default("make_code()")).Volatility);
    }

    private static MigrationContext Context() =>
        new(new MigrationFile("/m.sql", "m.sql", "m", string.Empty, MigrationFormat.PlainSql, false), new KnownSchema(), new AnalysisSettings());

    private static SqlExpression Default(string expression) =>
        ClassifierAssert.Classify<CreateTableStatement>($"CREATE TABLE t (c text DEFAULT {expression})").Columns[0].Default!;
}
