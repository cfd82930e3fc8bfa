using DatabaseExpert.Postgres.Advisor.Internal.Workload;

namespace DatabaseExpert.Postgres.Tests.Advisor.Internal;

public sealed class WorkloadScriptTests
{
    [Fact]
    public void Splits_on_top_level_semicolons_and_keeps_lines_and_first_words()
    {
        var statements = Split("-- heading; not a statement\nSELECT 1;\n\n  update t set a = 1\n  where b = 2;;\nWITH x AS (SELECT 1) SELECT * FROM x");

        Assert.Equal(["SELECT 1", "update t set a = 1\n  where b = 2", "WITH x AS (SELECT 1) SELECT * FROM x"], statements.Select(s => s.Text));
        Assert.Equal([2, 4, 6], statements.Select(s => s.Line));
        Assert.Equal(["select", "update", "with"], statements.Select(s => s.FirstWord));
    }

    [Theory]
    [InlineData("SELECT 'a;b'")]
    [InlineData("SELECT E'it\\'s; fine'")]
    [InlineData("SELECT 'it''s; fine'")]
    [InlineData("SELECT \"semi;colon\" FROM t")]
    [InlineData("SELECT 1 /* a; /* nested; */ b; */")]
    [InlineData("SELECT 1 -- trailing; comment")]
    [InlineData("SELECT $$;$$, $fn$ ; $$ ; $fn$")]
    public void Never_splits_inside_strings_identifiers_comments_or_dollar_quotes(string sql)
    {
        var statement = Assert.Single(Split(sql + ";"));

        Assert.StartsWith("SELECT", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_parameters_outside_strings()
    {
        var statement = Assert.Single(Split("SELECT '$9', a$1 FROM t WHERE a = $2 AND b = $1 -- $7"));

        Assert.Equal(2, statement.ParameterCount);
    }

    [Fact]
    public void A_psql_meta_command_between_statements_is_a_statement_of_its_own()
    {
        var statements = Split("\\timing on\nSELECT 1;\n\\set x 5\nSELECT 'x\n\\not meta';");

        Assert.Equal(["\\timing", "select", "\\set", "select"], statements.Select(s => s.FirstWord));
        Assert.Equal([1, 2, 3, 4], statements.Select(s => s.Line));
        Assert.Equal("SELECT 'x\n\\not meta'", statements[3].Text);
    }

    [Theory]
    [InlineData("SELECT 1;\nSELECT 'open", 2, 8)]
    [InlineData("SELECT \"open", 1, 8)]
    [InlineData("SELECT 1 /* never closed", 1, 10)]
    [InlineData("SELECT $x$ open", 1, 8)]
    public void Unterminated_text_names_where_it_starts(string sql, int line, int column)
    {
        var error = WorkloadScript.Parse(sql).Error;

        Assert.NotNull(error);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("unterminated", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<StatementSlice> Split(string sql)
    {
        var script = WorkloadScript.Parse(sql);
        Assert.Null(script.Error);
        return script.Statements;
    }
}
