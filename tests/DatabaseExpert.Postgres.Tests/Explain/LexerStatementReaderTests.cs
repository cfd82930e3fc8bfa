using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Tests.Explain;

public sealed class LexerStatementReaderTests
{
    private readonly LexerStatementReader _reader = new();

    [Theory]
    [InlineData("select 1", 1)]
    [InlineData("select 1;", 1)]
    [InlineData("  ;; select 1 ;; ", 1)]
    [InlineData("select 1; select 2", 2)]
    [InlineData("select ';' as semi", 1)]
    [InlineData("select 'it''s; fine'", 1)]
    [InlineData(@"select E'a\'; b'", 1)]
    [InlineData(@"select E'a\\'; select 2", 2)]
    [InlineData("select \"odd;name\" from t", 1)]
    [InlineData("select $$ ; $$", 1)]
    [InlineData("select $fn$ body; $$ still inside; $fn$", 1)]
    [InlineData("select 1 -- ; trailing comment", 1)]
    [InlineData("select /* ; /* nested ; */ still ; */ 1", 1)]
    [InlineData("select 1; -- only a comment after", 1)]
    [InlineData("select 1; /* c */ ; drop table t", 2)]
    [InlineData("", 0)]
    [InlineData("-- nothing", 0)]
    public void Counts_top_level_statements(string sql, int expected)
    {
        var facts = _reader.Read(sql);

        Assert.Null(facts.Problem);
        Assert.Equal(expected, facts.StatementCount);
    }

    [Theory]
    [InlineData("select 'open", "unterminated string constant: the ' opened here is never closed (line 1, column 8)")]
    [InlineData("select 1\n  /* open", "unterminated /* comment: add the closing */ (line 2, column 3)")]
    [InlineData("select $x$ open", "unterminated dollar-quoted string: no closing $x$ for the one opened here (line 1, column 8)")]
    [InlineData("select \"open", "unterminated quoted identifier: the \" opened here is never closed (line 1, column 8)")]
    public void Unterminated_text_is_a_problem_with_its_position(string sql, string problem)
    {
        Assert.Equal(problem, _reader.Read(sql).Problem);
    }

    [Fact]
    public void Words_keep_depth_calls_and_quoting_and_skip_literals()
    {
        var facts = _reader.Read("with d as (delete from t returning *) select \"Update\", lower(x) from d where y = 'insert'");

        var words = facts.Words.Select(w => w.Text).ToList();
        Assert.Equal(["WITH", "D", "AS", "DELETE", "FROM", "T", "RETURNING", "SELECT", "Update", "LOWER", "X", "FROM", "D", "WHERE", "Y"], words);
        Assert.Equal(1, facts.Words.Single(w => w.Text == "DELETE").Depth);
        Assert.True(facts.Words.Single(w => w.Text == "Update").Quoted);
        Assert.True(facts.Words.Single(w => w.Text == "LOWER").FollowedByParenthesis);
    }

    [Theory]
    [InlineData("select $1, $2", 2)]
    [InlineData("select $3", 3)]
    [InlineData("select '$9', $$ $8 $$", 0)]
    [InlineData("select a$1 from t", 0)]
    public void Finds_the_highest_placeholder(string sql, int expected)
    {
        Assert.Equal(expected, _reader.Read(sql).MaxParameter);
    }
}
