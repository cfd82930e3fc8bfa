using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Tests.Sql;

public sealed class SqlScriptSplitTests
{
    public static TheoryData<SplitCase> Cases() =>
    [
        new("two statements", "SELECT 1; SELECT 2;", ["1:1 SELECT 1", "1:11 SELECT 2"]),
        new("last statement without semicolon", "SELECT 1;\nSELECT 2", ["1:1 SELECT 1", "2:1 SELECT 2"]),
        new("empty statements vanish", ";;; SELECT 1;;", ["1:5 SELECT 1"]),
        new("only comments and whitespace", "-- nothing\n/* here */\n  ", []),
        new("semicolon in a string", "SELECT 'a;b'; SELECT 2", ["1:1 SELECT 'a;b'", "1:15 SELECT 2"]),
        new("doubled quote in a string", "SELECT 'it''s; fine'; SELECT 2", ["1:1 SELECT 'it''s; fine'", "1:23 SELECT 2"]),
        new("semicolon in a quoted identifier", "SELECT 1 AS \"x;y\"; SELECT 2", ["1:1 SELECT 1 AS \"x;y\"", "1:20 SELECT 2"]),
        new("doubled quote in a quoted identifier", "SELECT 1 AS \"a\"\";b\"; SELECT 2", ["1:1 SELECT 1 AS \"a\"\";b\"", "1:22 SELECT 2"]),
        new("semicolon in a line comment", "SELECT 1 -- no; split\n; SELECT 2", ["1:1 SELECT 1", "2:3 SELECT 2"]),
        new("semicolon in a block comment", "SELECT /* ; */ 1; SELECT 2", ["1:1 SELECT /* ; */ 1", "1:19 SELECT 2"]),
        new("nested block comments", "SELECT /* a /* b; */ c; */ 1; SELECT 2", ["1:1 SELECT /* a /* b; */ c; */ 1", "1:31 SELECT 2"]),
        new("comment hiding a second statement", "SELECT 1 /* ; DROP TABLE x */", ["1:1 SELECT 1"]),
        new(
            "dollar quote with semicolons",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
            ["1:1 CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "1:66 SELECT 2"]),
        new(
            "tagged dollar quote containing $$",
            "DO $fn$ BEGIN RAISE NOTICE '$$;'; END $fn$; SELECT 2",
            ["1:1 DO $fn$ BEGIN RAISE NOTICE '$$;'; END $fn$", "1:45 SELECT 2"]),
        new("dollar quote containing another tag", "SELECT $a$ x $b$ ; $b$ y $a$; SELECT 2", ["1:1 SELECT $a$ x $b$ ; $b$ y $a$", "1:31 SELECT 2"]),
        new("dollar tags are case sensitive", "SELECT $A$ x $a$; y $A$; SELECT 2", ["1:1 SELECT $A$ x $a$; y $A$", "1:26 SELECT 2"]),
        new("$1 is a parameter, not a dollar quote", "SELECT $1; SELECT $2", ["1:1 SELECT $1", "1:12 SELECT $2"]),
        new("parameter then dollar quote", "SELECT $1::int, $$;$$; SELECT 2", ["1:1 SELECT $1::int, $$;$$", "1:24 SELECT 2"]),
        new("$$ inside an identifier is not a quote", "SELECT a$$b; SELECT 2", ["1:1 SELECT a$$b", "1:14 SELECT 2"]),
        new("E-string with an escaped quote", @"SELECT E'it\'s; still'; SELECT 2", [@"1:1 SELECT E'it\'s; still'", "1:25 SELECT 2"]),
        new("E-string ending in an escaped backslash", @"SELECT E'back\\'; SELECT 2", [@"1:1 SELECT E'back\\'", "1:19 SELECT 2"]),
        new("plain string ending in a backslash", @"SELECT 'C:\'; SELECT 2", [@"1:1 SELECT 'C:\'", "1:15 SELECT 2"]),
        new("E-string with doubled quote", "SELECT e'a'';b'; SELECT 2", ["1:1 SELECT e'a'';b'", "1:18 SELECT 2"]),
        new("Unicode string", @"SELECT U&'d\0061t;a'; SELECT 2", [@"1:1 SELECT U&'d\0061t;a'", "1:23 SELECT 2"]),
        new("Unicode identifier", @"SELECT U&""d\0061t;a""; SELECT 2", [@"1:1 SELECT U&""d\0061t;a""", "1:23 SELECT 2"]),
        new("Unicode string with UESCAPE", "SELECT U&'d!0061;ta' UESCAPE '!'; SELECT 2", ["1:1 SELECT U&'d!0061;ta' UESCAPE '!'", "1:35 SELECT 2"]),
        new("bit and hex strings", "SELECT B'1010', X'1F;'; SELECT 2", ["1:1 SELECT B'1010', X'1F;'", "1:25 SELECT 2"]),
        new("national string", "SELECT N'x;y'; SELECT 2", ["1:1 SELECT N'x;y'", "1:16 SELECT 2"]),
        new(
            "BEGIN ATOMIC body",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
            ["1:1 CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "1:84 SELECT 3"]),
        new(
            "BEGIN ATOMIC with CASE … END inside",
            "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n  INSERT INTO t VALUES (1);\nEND;\nSELECT 3",
            ["1:1 CREATE OR REPLACE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n  INSERT INTO t VALUES (1);\nEND", "6:1 SELECT 3"]),
        new(
            "END; inside a string in an atomic body",
            "create function f() returns text language sql begin atomic select 'END;'; end; select 2",
            ["1:1 create function f() returns text language sql begin atomic select 'END;'; end", "1:80 select 2"]),
        new("transaction BEGIN … END is three statements", "BEGIN; SELECT 1; END;", ["1:1 BEGIN", "1:8 SELECT 1", "1:18 END"]),
        new("CASE outside a routine does not nest", "SELECT CASE WHEN true THEN 1 END; SELECT 2", ["1:1 SELECT CASE WHEN true THEN 1 END", "1:35 SELECT 2"]),
        new("no split inside parentheses", "SELECT f((1;2)); SELECT 2", ["1:1 SELECT f((1;2))", "1:18 SELECT 2"]),
        new("array slices and casts", "SELECT a[1:2], '1'::int FROM t; SELECT 2", ["1:1 SELECT a[1:2], '1'::int FROM t", "1:33 SELECT 2"]),
        new(
            "parenthesised column list with checks",
            "CREATE TABLE t (a int DEFAULT 1, CHECK (a > 0)); SELECT 2",
            ["1:1 CREATE TABLE t (a int DEFAULT 1, CHECK (a > 0))", "1:50 SELECT 2"]),
        new(
            "psql meta-commands at line start",
            "\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\nSELECT 2;",
            ["2:1 SELECT 1", "4:1 SELECT 2"],
            "note 1:1 \\set", "note 3:1 \\i"),
        new("psql \\gexec ends the statement", "SELECT 'DROP TABLE x' \\gexec\nSELECT 2;", ["1:1 SELECT 'DROP TABLE x'", "2:1 SELECT 2"], "note 1:23 \\gexec"),
        new("psql \\connect", "\\connect db\nCREATE TABLE t();", ["2:1 CREATE TABLE t()"], "note 1:1 \\connect"),
        new("backslash inside an E-string is not a meta-command", @"SELECT E'\\gexec'; SELECT 2", [@"1:1 SELECT E'\\gexec'", "1:20 SELECT 2"]),
        new("CRLF line breaks", "SELECT 1;\r\nSELECT\r\n  2;\r\nSELECT 3", ["1:1 SELECT 1", "2:1 SELECT\r\n  2", "4:1 SELECT 3"]),
        new("lone CR line breaks", "SELECT 1;\rSELECT 2", ["1:1 SELECT 1", "2:1 SELECT 2"]),
        new("multi-line string moves the line count", "SELECT 'a\nb\nc'; SELECT 2", ["1:1 SELECT 'a\nb\nc'", "3:5 SELECT 2"]),
        new("multi-line dollar quote moves the line count", "SELECT $$\n;\n$$;\n  SELECT 2", ["1:1 SELECT $$\n;\n$$", "4:3 SELECT 2"]),
        new("operator followed by a comment", "SELECT 2*/*c;*/3; SELECT 4", ["1:1 SELECT 2*/*c;*/3", "1:19 SELECT 4"]),
        new("numbers", "SELECT 1.5e3, .5, 0x1F, 1_000, 1..2; SELECT 2", ["1:1 SELECT 1.5e3, .5, 0x1F, 1_000, 1..2", "1:38 SELECT 2"]),
        new("tabs count as one column", "\tSELECT 1;\tSELECT 2", ["1:2 SELECT 1", "1:12 SELECT 2"]),
        new("non-ASCII identifiers", "SELECT café FROM übersicht; SELECT 2", ["1:1 SELECT café FROM übersicht", "1:29 SELECT 2"]),
        new("unterminated string", "SELECT 1;\nSELECT 'abc", ["1:1 SELECT 1", "2:1 SELECT 'abc"], "error 2:8 unterminated string constant"),
        new("unterminated quoted identifier", "SELECT \"abc", ["1:1 SELECT \"abc"], "error 1:8 unterminated quoted identifier"),
        new("unterminated nested comment", "SELECT 1; /* a /* b */ c /* d", ["1:1 SELECT 1"], "error 1:11 2 nested comments are still open"),
        new("unterminated comment", "SELECT 1 /* a /* b */ c", ["1:1 SELECT 1"], "error 1:10 add the closing */"),
        new("unterminated dollar quote", "SELECT 1;\n  SELECT $tag$ body", ["1:1 SELECT 1", "2:3 SELECT $tag$ body"], "error 2:10 no closing $tag$"),
        new("unterminated E-string ending in an escaped quote", @"SELECT E'abc\'", [@"1:1 SELECT E'abc\'"], "error 1:8 unterminated escape string constant"),
        new("unterminated string after CRLF lines", "SELECT 1;\r\n\r\nSELECT U&'x", ["1:1 SELECT 1", "3:1 SELECT U&'x"], "error 3:8 unterminated Unicode string constant"),
        new("zero-length quoted identifier", "SELECT 1 AS \"\"", ["1:1 SELECT 1 AS \"\""], "error 1:13 zero-length quoted identifier"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_like_postgres(SplitCase c)
    {
        var script = SqlScript.Parse(c.Sql);

        Assert.Equal(c.Statements, script.Statements.Select(s => $"{s.Start} {s.Text}"));
        Assert.Equal(c.Diagnostics.Length, script.Diagnostics.Count);
        for (var i = 0; i < c.Diagnostics.Length; i++)
        {
            var expected = c.Diagnostics[i].Split(' ', 3);
            var actual = script.Diagnostics[i];
            Assert.Equal(expected[0], actual.Severity.ToString().ToLowerInvariant());
            Assert.Equal(expected[1], actual.Position.ToString());
            Assert.Contains(expected[2], actual.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokens_cover_the_text_and_positions_agree(SplitCase c)
    {
        var script = SqlScript.Parse(c.Sql);

        Assert.Equal(c.Sql, string.Concat(script.Tokens.Select(t => t.Text)));
        foreach (var token in script.Tokens)
        {
            Assert.Equal(script.Source.PositionOf(token.Start.Offset), token.Start);
        }

        foreach (var statement in script.Statements)
        {
            Assert.Equal(script.Source.PositionOf(statement.Start.Offset + statement.Text.Length), statement.End);
            Assert.Equal(statement.Text, string.Concat(statement.Tokens.Select(t => t.Text)));
        }
    }
}
