using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Tests.Rules;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Config;

public sealed class IgnoreCommentsTests
{
    [Theory]
    [InlineData("-- dbx-ignore ban-drop-column", false, "ban-drop-column")]
    [InlineData("--dbx-ignore ban-drop-column, renaming-column: done in v3", false, "ban-drop-column,renaming-column")]
    [InlineData("/* dbx-ignore-file prefer-text-field */", true, "prefer-text-field")]
    [InlineData("-- dbx-ignore require-timeout-settings", false, "require-lock-timeout,require-statement-timeout")]
    [InlineData("-- dbx-ignore", false, null)]
    [InlineData("-- dbx-ignore-file", true, null)]
    public void Reads_directives(string comment, bool wholeFile, string? rules)
    {
        var directive = IgnoreComments.Parse(Comment(comment));

        Assert.NotNull(directive);
        Assert.Equal(wholeFile, directive.WholeFile);
        Assert.Equal(rules, directive.Rules is null ? null : string.Join(',', directive.Rules.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("-- dbx-ignored ban-drop-column")]
    [InlineData("-- please dbx-ignore ban-drop-column")]
    [InlineData("--> statement-breakpoint")]
    public void Other_comments_are_not_directives(string comment) => Assert.Null(IgnoreComments.Parse(Comment(comment)));

    [Fact]
    public void Unknown_rules_come_with_a_suggestion()
    {
        var directive = IgnoreComments.Parse(Comment("-- dbx-ignore ban-drop-colum, nonsense"))!;

        Assert.Equal(["ban-drop-colum:ban-drop-column", "nonsense:"], directive.Unknown.Select(u => $"{u.Name}:{u.Suggestion}"));
    }

    [Fact]
    public void An_ignore_applies_to_the_next_statement_only()
    {
        var findings = RuleHarness.Lint("""
            ALTER TABLE a DROP COLUMN x; --> statement-breakpoint
            -- dbx-ignore ban-drop-column: removed from the code in v3
            ALTER TABLE b DROP COLUMN y;
            ALTER TABLE c DROP COLUMN z;
            """).Where(f => f.Rule == "ban-drop-column");

        Assert.Equal([1, 4], findings.Select(f => f.Line));
    }

    [Fact]
    public void A_bare_ignore_silences_every_rule_of_the_statement()
    {
        var findings = RuleHarness.Lint("""
            /* dbx-ignore */
            CREATE INDEX i ON orders (a);
            CREATE INDEX j ON orders (b);
            """);

        Assert.DoesNotContain(findings, f => f.Line == 2);
        Assert.Contains(findings, f => f.Line == 3 && f.Rule == "require-concurrent-index-creation");
    }

    [Fact]
    public void A_file_ignore_anywhere_silences_its_rules_in_the_whole_file()
    {
        var findings = RuleHarness.Lint("""
            CREATE INDEX i ON orders (a);
            ALTER TABLE orders DROP COLUMN x;
            -- dbx-ignore-file require-concurrent-index-creation, require-timeout-settings
            """, inTransaction: true);

        Assert.Equal(["ban-drop-column"], findings.Select(f => f.Rule));
    }

    [Fact]
    public void An_unknown_rule_in_an_ignore_is_reported_where_it_is()
    {
        var findings = RuleHarness.Lint("""
            SELECT 1;
            -- dbx-ignore ban-drop-colum
            ALTER TABLE orders DROP COLUMN x;
            """, inTransaction: true);

        Assert.Equal(
            [
                "2:1 unknown-rule-in-ignore warning dbx-ignore names `ban-drop-colum`, which is not a rule (did you mean `ban-drop-column`?)",
                "3:1 require-lock-timeout warning ALTER TABLE takes an ACCESS EXCLUSIVE lock on orders (blocks reads and writes) with no lock_timeout set: "
                + "while it waits for the lock, every new query on orders queues behind it",
                "3:20 ban-drop-column warning DROP COLUMN orders.x breaks application instances that still select, insert or update it",
            ],
            findings.Select(RuleHarness.Render));
    }

    private static SqlToken Comment(string text) => SqlLexer.Tokenize(text).Tokens.Single(t => t.IsComment);
}
