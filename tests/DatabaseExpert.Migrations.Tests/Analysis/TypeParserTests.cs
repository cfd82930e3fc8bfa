using DatabaseExpert.Migrations.Analysis.Internal;

namespace DatabaseExpert.Migrations.Tests.Analysis;

public sealed class TypeParserTests
{
    [Theory]
    [InlineData("int", "integer", "")]
    [InlineData("INT4", "integer", "")]
    [InlineData("pg_catalog.int8", "bigint", "")]
    [InlineData("serial8", "bigserial", "")]
    [InlineData("character varying(255)", "character varying", "255")]
    [InlineData("national character varying (10)", "character varying", "10")]
    [InlineData("char(2)", "character", "2")]
    [InlineData("bpchar", "character", "")]
    [InlineData("\"char\"", "\"char\"", "")]
    [InlineData("decimal(10, 2)", "numeric", "10,2")]
    [InlineData("double precision", "double precision", "")]
    [InlineData("float(20)", "real", "")]
    [InlineData("float", "double precision", "")]
    [InlineData("timestamp", "timestamp without time zone", "")]
    [InlineData("timestamp(3) with time zone", "timestamp with time zone", "3")]
    [InlineData("timestamptz", "timestamp with time zone", "")]
    [InlineData("time without time zone", "time without time zone", "")]
    [InlineData("interval day to second (3)", "interval", "3")]
    [InlineData("bit varying(8)", "bit varying", "8")]
    [InlineData("public.citext", "citext", "")]
    [InlineData("geometry(Point, 4326)", "geometry", "Point,4326")]
    public void Reads_canonical_names_and_modifiers(string text, string name, string modifiers)
    {
        var type = TypeParser.Parse(text);

        Assert.NotNull(type);
        Assert.Equal(name, type.Name);
        Assert.Equal(modifiers, string.Join(',', type.Modifiers));
    }

    [Theory]
    [InlineData("text[]", 1)]
    [InlineData("int[3][]", 2)]
    [InlineData("integer ARRAY", 1)]
    [InlineData("integer ARRAY[4]", 1)]
    public void Reads_array_dimensions(string text, int dimensions) => Assert.Equal(dimensions, TypeParser.Parse(text)?.ArrayDimensions);

    [Theory]
    [InlineData("character varying(10)[]", "character varying(10)[]")]
    [InlineData("timestamp(3) without time zone", "timestamp(3) without time zone")]
    [InlineData("billing.money_t", "billing.money_t")]
    public void Canonical_text_matches_format_type(string text, string canonical) => Assert.Equal(canonical, TypeParser.Parse(text)?.Canonical);

    [Theory]
    [InlineData("")]
    [InlineData("int int")]
    [InlineData("(")]
    public void Rejects_what_is_not_one_type(string text) => Assert.Null(TypeParser.Parse(text));

    [Fact]
    public void Schema_other_than_pg_catalog_keeps_the_name()
    {
        var type = TypeParser.Parse("myschema.int4");

        Assert.Equal(("myschema", "int4", false), (type?.Schema, type?.Name, type?.IsBuiltIn));
    }
}
