namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanCharFieldTests
{
    private const string Rule = "ban-char-field";

    [Fact]
    public void Char_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE countries (code char(2) PRIMARY KEY, flag character);
        """,
        [
            "1:30 ban-char-field warning countries.code is char(2): values are padded with spaces to the full length, which clients see and compare",
            "1:56 ban-char-field warning countries.flag is character: values are padded with spaces to the full length, which clients see and compare",
        ],
        rewrites: [
            "code text PRIMARY KEY",
            "flag text",
        ]);

    [Fact]
    public void Text_varchar_and_quoted_char_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE countries (code text, name varchar(80), kind "char");
        """,
        []);
}
