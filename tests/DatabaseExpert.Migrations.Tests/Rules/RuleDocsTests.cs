using DatabaseExpert.Migrations.Rules;

namespace DatabaseExpert.Migrations.Tests.Rules;

/// <summary>Every rule has its page and its row in the index, with the severity the code uses.</summary>
public sealed class RuleDocsTests
{
    private static readonly string Folder = Path.Combine(DatabaseExpert.Testing.RepositoryPaths.Root, "docs", "rules");

    public static TheoryData<string> Ids => [.. RuleCatalog.Infos.Select(i => i.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_page_with_its_severity_and_a_row_in_the_index(string id)
    {
        var info = RuleCatalog.Find(id)!;
        var page = File.ReadAllText(Path.Combine(Folder, $"{id}.md"));
        var severity = info.DefaultSeverity.ToString().ToLowerInvariant();

        Assert.StartsWith($"# {id}\n", page, StringComparison.Ordinal);
        Assert.Contains($"**Default severity:** {severity} ·", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Problem", "## Why it matters", "## Safe recipe", "## Example", "## Ignoring it" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        Assert.Contains($"| [{id}]({id}.md) | {severity} |", File.ReadAllText(Path.Combine(Folder, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_belongs_to_a_rule_and_every_alias_is_documented()
    {
        var pages = Directory.GetFiles(Folder, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n != "README");
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));

        // Lint rules have their pages here; so do the findings of the tracer, the project readers and review.
        var ids = RuleCatalog.Infos.Select(i => i.Id).Concat(RuleCatalog.OtherIds);
        Assert.Equal(ids.Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
        Assert.All(RuleCatalog.Aliases.Keys, alias => Assert.Contains($"`{alias}`", index, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_ids_are_unique_kebab_case()
    {
        var ids = RuleCatalog.Infos.Select(i => i.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", id));
    }
}
