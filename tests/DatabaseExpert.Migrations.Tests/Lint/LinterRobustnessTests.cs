using DatabaseExpert.Benchmarks.Lint;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Lint;

/// <summary>A large generated corpus of real-world-like migrations, weird syntax included, lints without a crash.</summary>
public sealed class LinterRobustnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Lints_thousands_of_varied_statements_without_a_crash(int seed)
    {
        var corpus = new MigrationCorpus(seed);
        var files = Enumerable.Range(0, 700).Select(i =>
        {
            var (text, _) = corpus.Migration();
            return new MigrationFile($"/corpus/{i:0000}.sql", $"{i:0000}.sql", i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), text,
                i % 3 == 0 ? MigrationFormat.Drizzle : MigrationFormat.PlainSql, i % 3 == 0);
        }).ToList();

        var result = MigrationLinter.Lint(files, new LintOptions());

        Assert.True(result.Summary.Statements >= 5000, $"only {result.Summary.Statements} statements");
        Assert.Equal(700, result.Summary.Files);
        // Every finding points into its file, at a real line and column, with text a person can read.
        var lines = files.ToDictionary(f => f.DisplayPath, f => f.Text.Split('\n').Length);
        Assert.All(result.Findings, f =>
        {
            Assert.InRange(f.Line, 1, lines[f.File]);
            Assert.True(f.Column >= 1);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.False(string.IsNullOrWhiteSpace(f.Help));
        });
        // The rules did run, and what could not be read was said, not thrown.
        Assert.Contains(result.Findings, f => f.Rule == "require-concurrent-index-creation");
        Assert.Contains(result.Findings, f => f.Rule == "not-analysed" && f.Message.Contains("DO block", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Rule == "not-analysed" && f.Message.StartsWith("rule ", StringComparison.Ordinal));
    }
}
