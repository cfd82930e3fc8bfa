using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters;

public sealed class RuleDocsTests
{
    [Fact]
    public void All_EmbedsEveryPageOfDocsRules()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README")
            .Order(StringComparer.Ordinal);

        Assert.Equal(pages, RuleDocs.All.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryPage_HasItsIdAsTitle_ADefaultSeverity_AndAProblemSentence()
    {
        foreach (var page in RuleDocs.All)
        {
            Assert.True(page.Title == page.Id, $"docs/rules/{page.Id}.md: the title is '{page.Title}', expected '# {page.Id}'");
            Assert.True(page.DefaultSeverity is not null, $"docs/rules/{page.Id}.md: no '**Default severity:** error|warning|info' line");
            Assert.True(page.Summary.Length is > 10 and < 400, $"docs/rules/{page.Id}.md: the first sentence of '## Problem' is '{page.Summary}'");
            Assert.StartsWith(page.Summary, page.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Find_ReadsTheProblemParagraph()
    {
        var page = RuleDocs.Find("edited-applied-migration")!;

        Assert.Equal("A migration that already existed on the base branch was edited, renamed or deleted in this change.", page.Summary);
        Assert.Equal(DatabaseExpert.Migrations.Model.Severity.Error, page.DefaultSeverity);
        Assert.Null(RuleDocs.Find("no-such-rule"));
    }
}
