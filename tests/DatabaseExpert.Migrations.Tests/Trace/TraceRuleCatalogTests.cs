using DatabaseExpert.Migrations.Trace.Rules;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class TraceRuleCatalogTests
{
    public static TheoryData<string> RuleIds => [.. TraceRuleCatalog.All.Select(r => r.Id)];

    [Fact]
    public void Rule_ids_are_unique_kebab_case_and_prefixed()
    {
        var ids = TraceRuleCatalog.All.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^trace-[a-z]+(-[a-z]+)*$", id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_doc_page_with_its_id_severity_and_recipe(string id)
    {
        var rule = TraceRuleCatalog.All.Single(r => r.Id == id);
        var page = Path.Combine(TraceHarness.RepositoryRoot, rule.DocPath);

        Assert.True(File.Exists(page), $"{rule.DocPath} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}\n", text, StringComparison.Ordinal);
        Assert.Contains($"**Default severity:** {rule.Severity.ToString().ToLowerInvariant()}", text, StringComparison.Ordinal);
        Assert.Contains("## Problem", text, StringComparison.Ordinal);
        Assert.Contains("```sql", text, StringComparison.Ordinal);
        Assert.Contains("## How to ignore", text, StringComparison.Ordinal);
    }
}
