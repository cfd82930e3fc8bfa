using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>A rule's page, docs/rules/&lt;id&gt;.md, as reports use it (SARIF rule metadata, links).</summary>
/// <param name="Id">The rule id (the page's file name).</param>
/// <param name="Title">The page's <c># </c> heading.</param>
/// <param name="DefaultSeverity">From the page's <c>**Default severity:**</c> line, when it has one.</param>
/// <param name="Summary">The first sentence of the problem: one line for lists and SARIF's shortDescription.</param>
/// <param name="Description">The problem paragraph, unwrapped: SARIF's fullDescription.</param>
/// <param name="Markdown">The whole page.</param>
public sealed record RuleDoc(string Id, string Title, Severity? DefaultSeverity, string Summary, string Description, string Markdown);
