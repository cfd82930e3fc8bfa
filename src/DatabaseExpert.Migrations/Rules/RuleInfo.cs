using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>What a rule is: its stable id, default severity and a one-line summary (used by the rule index and SARIF).</summary>
/// <param name="Id">Kebab-case, stable forever; the page is docs/rules/&lt;id&gt;.md.</param>
/// <param name="DefaultSeverity">The severity unless the configuration overrides it.</param>
/// <param name="Summary">One sentence: what the rule catches.</param>
public sealed record RuleInfo(string Id, Severity DefaultSeverity, string Summary)
{
    /// <summary>The rule's page, relative to the repository root.</summary>
    public string DocumentationPath => $"docs/rules/{Id}.md";
}
