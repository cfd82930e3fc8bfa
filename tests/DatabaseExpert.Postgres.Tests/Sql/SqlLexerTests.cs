using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Tests.Sql;

public sealed class SqlLexerTests
{
    private static IEnumerable<SqlToken> Significant(string sql) => SqlLexer.Tokenize(sql).Tokens.Where(t => !t.IsTrivia);

    private static string Kinds(string sql) => string.Join(" ", Significant(sql).Select(t => $"{t.Kind}[{t.Text}]"));

    [Theory]
    [InlineData("select $1", "Identifier[select] Parameter[$1]")]
    [InlineData("$$x$$ $t$y$t$", "DollarString[$$x$$] DollarString[$t$y$t$]")]
    [InlineData("$1$", "Parameter[$1] Other[$]")]
    [InlineData("$ x", "Other[$] Identifier[x]")]
    [InlineData(@"E'\'' e'x' N'n' B'01' X'1f' U&'u' 'plain'", @"EscapeString[E'\''] EscapeString[e'x'] StandardString[N'n'] BitString[B'01'] HexString[X'1f'] UnicodeString[U&'u'] StandardString['plain']")]
    [InlineData(@"""Q"" U&""u"" u&""v"" plain", @"QuotedIdentifier[""Q""] UnicodeIdentifier[U&""u""] UnicodeIdentifier[u&""v""] Identifier[plain]")]
    [InlineData("U & 'x'", "Identifier[U] Operator[&] StandardString['x']")]
    [InlineData("a::int, b := 1, c .. d", "Identifier[a] Operator[::] Identifier[int] Punctuation[,] Identifier[b] Operator[:=] Number[1] Punctuation[,] Identifier[c] Operator[..] Identifier[d]")]
    [InlineData("x=-1", "Identifier[x] Operator[=] Operator[-] Number[1]")]
    [InlineData("x @- y", "Identifier[x] Operator[@-] Identifier[y]")]
    [InlineData("x <=> y", "Identifier[x] Operator[<=>] Identifier[y]")]
    [InlineData("j->>'k' #>> '{a}'", "Identifier[j] Operator[->>] StandardString['k'] Operator[#>>] StandardString['{a}']")]
    [InlineData("1.5e-3 .5 1. 0x1F 0o17 0b101 1_000 12e", "Number[1.5e-3] Number[.5] Number[1.] Number[0x1F] Number[0o17] Number[0b101] Number[1_000] Number[12] Identifier[e]")]
    [InlineData("t.c", "Identifier[t] Punctuation[.] Identifier[c]")]
    [InlineData("a$b _x x1", "Identifier[a$b] Identifier[_x] Identifier[x1]")]
    [InlineData("select 1 {", "Identifier[select] Number[1] Other[{]")]
    public void Token_kinds(string sql, string expected) => Assert.Equal(expected, Kinds(sql));

    [Theory]
    [InlineData("\\set x 1\nselect :x", "MetaCommand[\\set x 1] Identifier[select] Punctuation[:] Identifier[x]")]
    [InlineData("select 1 \\gexec", "Identifier[select] Number[1] MetaCommand[\\gexec]")]
    public void Psql_meta_commands_run_to_the_end_of_the_line(string sql, string expected) => Assert.Equal(expected, Kinds(sql));

    [Theory]
    [InlineData("Users", "users")]
    [InlineData("PG_READ_FILE", "pg_read_file")]
    [InlineData("\"PG_READ_FILE\"", "PG_READ_FILE")]
    [InlineData("\"a\"\"b\"", "a\"b")]
    [InlineData(@"U&""\0070g_read_file""", "pg_read_file")]
    [InlineData(@"U&""!0070g!!x"" UESCAPE '!'", "pg!x")]
    [InlineData(@"U&'\+01F600 \\'", "😀 \\")]
    [InlineData(@"U&'\D83D\DE00'", "😀")]
    [InlineData("'it''s'", "it's")]
    [InlineData(@"'C:\temp'", @"C:\temp")]
    [InlineData(@"E'a\tb\n\'c\\\x41\101\u00e9'", "a\tb\n'c\\AAé")]
    [InlineData("E'x''y'", "x'y")]
    [InlineData("N'n'", "n")]
    [InlineData("B'0101'", "0101")]
    [InlineData("$fn$ body $$ $fn$", " body $$ ")]
    [InlineData("$$$$", "")]
    public void Values_are_what_the_server_reads(string sql, string expected) => Assert.Equal(expected, Significant(sql).First().Value);

    [Theory]
    [InlineData(@"U&""\zzzz""")]
    [InlineData(@"U&'\12'")]
    [InlineData(@"E'\u12'")]
    public void Invalid_escapes_have_no_value(string sql) => Assert.Null(Significant(sql).First().Value);

    [Fact]
    public void Unterminated_tokens_still_decode_what_they_hold()
    {
        var token = Significant("select 'abc").Last();

        Assert.True(token.IsUnterminated);
        Assert.Equal("abc", token.Value);
    }

    [Theory]
    [InlineData("create unique index concurrently if not exists idx on t (a)", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS")]
    [InlineData("/* lead */ ALTER TABLE users ADD COLUMN x int", "ALTER TABLE")]
    [InlineData("Select 1", "SELECT")]
    [InlineData("explain (analyze) select 1", "EXPLAIN")]
    [InlineData("EXPLAIN ANALYZE VERBOSE SELECT 1", "EXPLAIN ANALYZE VERBOSE SELECT")]
    [InlineData("\"select\" 1", "")]
    [InlineData("set local statement_timeout = 0", "SET LOCAL")]
    public void Keywords_name_the_statement(string sql, string expected) => Assert.Equal(expected, SqlScript.Parse(sql).Statements.Single().Keywords);

    [Theory]
    [InlineData("select $1, $2", 2)]
    [InlineData("select $3", 3)]
    [InlineData("select 1", 0)]
    [InlineData("select '$9', $$ $8 $$", 0)]
    [InlineData("select \"$7\" /* $6 */ -- $5", 0)]
    [InlineData("select a$1 from t", 0)]
    [InlineData("SELECT * FROM t WHERE a = $2 AND b = $1", 2)]
    [InlineData("select $99999999999", int.MaxValue)]
    public void ParameterCount_is_the_highest_placeholder(string sql, int expected) =>
        Assert.Equal(expected, SqlScript.Parse(sql).Statements.Single().ParameterCount);

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
    public void Statements_are_counted_at_the_top_level(string sql, int expected)
    {
        var script = SqlScript.Parse(sql);

        Assert.False(script.HasErrors);
        Assert.Equal(expected, script.Statements.Count);
    }

    [Fact]
    public void StartsWith_skips_comments_and_ignores_case()
    {
        var statement = SqlScript.Parse("-- x\ncreate /* y */\n  Index CONCURRENTLY i on t (a)").Statements.Single();

        Assert.True(statement.StartsWith("CREATE", "INDEX", "CONCURRENTLY"));
        Assert.False(statement.StartsWith("CREATE", "TABLE"));
        Assert.False(SqlScript.Parse("create").Statements.Single().StartsWith("CREATE", "INDEX"));
    }

    [Fact]
    public void Leading_and_trailing_comments_are_kept_with_their_statement()
    {
        var script = SqlScript.Parse("-- dbx-ignore rule-a\n/* two */\nSELECT 1; -- after one\nSELECT 2;\n-- the end\n");

        Assert.Equal(["-- dbx-ignore rule-a", "/* two */"], script.Statements[0].LeadingComments.Select(t => t.Text));
        Assert.Equal(["-- after one"], script.Statements[1].LeadingComments.Select(t => t.Text));
        Assert.Equal(["-- the end"], script.TrailingComments.Select(t => t.Text));
    }

    [Fact]
    public void Files_and_indexes_travel_with_statements_and_diagnostics()
    {
        var script = SqlScript.Parse("SELECT 1;\n\\echo hi\nSELECT 'x", "migrations/001.sql");

        Assert.All(script.Statements, s => Assert.Equal("migrations/001.sql", s.File));
        Assert.Equal([0, 1], script.Statements.Select(s => s.Index));
        Assert.Equal("migrations/001.sql:3:1", script.Statements[1].Location);
        Assert.Equal("migrations/001.sql:2:1: psql meta-command \\echo skipped: it is not SQL", script.Diagnostics[0].ToString());
        Assert.StartsWith("migrations/001.sql:3:8: unterminated string constant", script.Errors.Single().ToString(), StringComparison.Ordinal);
        Assert.True(script.HasErrors);
        Assert.Equal([true, false], script.Statements.Select(s => s.IsTerminated));
        Assert.Single(script.MetaCommands);
    }

    [Fact]
    public void End_positions_follow_multi_line_tokens()
    {
        var statement = SqlScript.Parse("SELECT $$\nline two\nend$$;").Statements.Single();

        Assert.Equal(new SqlPosition(3, 6, 24), statement.End);
        Assert.Equal(new SqlPosition(3, 6, 24), statement.Tokens[^1].End);
    }

    [Fact]
    public void Large_input_is_lexed_in_one_pass()
    {
        // 20,000 statements with every kind of literal: a quadratic lexer would take minutes here.
        var sql = string.Concat(Enumerable.Repeat("INSERT INTO t VALUES (1, 'a;b', E'\\'', $$;$$, \"x;y\") /* ; */ -- ;\n;", 20_000));

        var script = SqlScript.Parse(sql);

        Assert.Equal(20_000, script.Statements.Count);
        Assert.Equal(20_000, script.Statements[^1].Start.Line);
        Assert.False(script.HasErrors);
    }

    [Fact]
    public void Random_input_never_throws_and_is_covered_by_tokens()
    {
        // Fragments of every construct, glued at random: the lexer must report problems, never crash, never lose text.
        string[] pieces =
        [
            "'", "''", "\"", "$", "$$", "$a$", "$1", "E'", "e'\\", "\\'", "U&'", "U&\"", "\\0061", "\\+01F600", " UESCAPE '!'",
            "/*", "*/", "--", "\n", "\r\n", "\r", ";", "(", ")", "[", "]", "::", ":", ".", "..", "1", "1.5e", "0x", "_", "é",
            "BEGIN", " ATOMIC ", "END", "CASE", "CREATE FUNCTION f() ", "\\set x", "+", "-", "=-", "@", " ", "\t", "X'", "B'", "N'",
        ];
        var random = new Random(20261124);
        for (var run = 0; run < 3000; run++)
        {
            var sql = string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ => pieces[random.Next(pieces.Length)]));

            var script = SqlScript.Parse(sql);

            Assert.Equal(sql, string.Concat(script.Tokens.Select(t => t.Text)));
            foreach (var token in script.Tokens)
            {
                _ = token.Value;
                _ = token.End;
            }

            Assert.All(script.Statements, s => Assert.Equal(s.Text, sql.Substring(s.Start.Offset, s.Text.Length)));
        }
    }
}
