using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Analysis;

public sealed class TypeChangesTests
{
    [Theory]
    [InlineData("integer", "bigint", RewriteVerdict.Rewrite)]
    [InlineData("bigint", "integer", RewriteVerdict.Rewrite)]
    [InlineData("varchar(10)", "varchar(20)", RewriteVerdict.NoRewrite)]
    [InlineData("varchar(20)", "varchar(10)", RewriteVerdict.Rewrite)]
    [InlineData("varchar(20)", "varchar", RewriteVerdict.NoRewrite)]
    [InlineData("varchar", "varchar(20)", RewriteVerdict.Rewrite)]
    [InlineData("varchar(20)", "text", RewriteVerdict.NoRewrite)]
    [InlineData("text", "varchar", RewriteVerdict.NoRewrite)]
    [InlineData("text", "varchar(100)", RewriteVerdict.Rewrite)]
    [InlineData("char(2)", "text", RewriteVerdict.Rewrite)]
    [InlineData("text", "char(5)", RewriteVerdict.Rewrite)]
    [InlineData("numeric(10,2)", "numeric(12,2)", RewriteVerdict.NoRewrite)]
    [InlineData("numeric(10,2)", "numeric(12,3)", RewriteVerdict.Rewrite)]
    [InlineData("numeric(10,2)", "numeric", RewriteVerdict.NoRewrite)]
    [InlineData("numeric", "numeric(10,2)", RewriteVerdict.Rewrite)]
    [InlineData("timestamp(3)", "timestamp(6)", RewriteVerdict.NoRewrite)]
    [InlineData("timestamp", "timestamp(3)", RewriteVerdict.Rewrite)]
    [InlineData("timestamp", "timestamptz", RewriteVerdict.DependsOnTimeZone)]
    [InlineData("timestamptz", "timestamp", RewriteVerdict.DependsOnTimeZone)]
    [InlineData("cidr", "inet", RewriteVerdict.NoRewrite)]
    [InlineData("json", "jsonb", RewriteVerdict.Rewrite)]
    [InlineData("text[]", "text", RewriteVerdict.Rewrite)]
    [InlineData("varbit(4)", "bit varying(8)", RewriteVerdict.NoRewrite)]
    [InlineData("integer", "integer", RewriteVerdict.NoRewrite)]
    [InlineData("mood", "text", RewriteVerdict.Unknown)]
    public void Follows_postgresql_rewrite_rules(string from, string to, RewriteVerdict verdict) =>
        Assert.Equal(verdict, Classify(from, to).Verdict);

    [Fact]
    public void Timestamp_change_rewrites_before_12() =>
        Assert.Equal(RewriteVerdict.Rewrite, Classify("timestamp", "timestamptz", pgVersion: 11).Verdict);

    [Fact]
    public void Unknown_current_type_says_so()
    {
        var verdict = TypeChanges.Classify(null, TypeParser.Parse("bigint")!, null, "total", 15, StaticTypeInfo.Instance);

        Assert.Equal(RewriteVerdict.Unknown, verdict.Verdict);
        Assert.Contains("current type of total is not known", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("note", RewriteVerdict.NoRewrite)]
    [InlineData("note::text", RewriteVerdict.NoRewrite)]
    [InlineData("lower(note)", RewriteVerdict.Rewrite)]
    public void A_using_clause_rewrites_unless_it_is_the_column(string usingText, RewriteVerdict verdict)
    {
        var usingExpression = new SqlExpression(usingText, [.. SqlScript.Parse(usingText).Statements[0].SignificantTokens], SqlPosition.Start);

        Assert.Equal(verdict, TypeChanges.Classify(TypeParser.Parse("varchar(10)"), TypeParser.Parse("text")!, usingExpression, "note", 15,
            StaticTypeInfo.Instance).Verdict);
    }

    private static TypeChangeVerdict Classify(string from, string to, int pgVersion = 15) =>
        TypeChanges.Classify(TypeParser.Parse(from), TypeParser.Parse(to)!, null, "c", pgVersion, StaticTypeInfo.Instance);
}
