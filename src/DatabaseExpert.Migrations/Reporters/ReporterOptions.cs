namespace DatabaseExpert.Migrations.Reporters;

/// <summary>How reports render. Everything has a default that works without configuration.</summary>
public sealed record ReporterOptions
{
    public static ReporterOptions Default { get; } = new();

    /// <summary>ANSI colours in the text report.</summary>
    public bool Color { get; init; }

    /// <summary>
    /// Where dbx's docs folder is published (ends with <c>/</c>), e.g. <c>https://github.com/ORG/REPO/blob/main/docs/</c>.
    /// Rule links are <c>{DocsBaseUrl}rules/{id}.md</c>. Null: no links (the rule text is still embedded in SARIF).
    /// </summary>
    public Uri? DocsBaseUrl { get; init; }

    /// <summary>
    /// Absolute folder the finding paths are relative to (the repository root). SARIF then names it as
    /// <c>%SRCROOT%</c>'s value; null leaves the base to the consumer (code scanning uses the checkout).
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>
    /// Longest markdown report, in characters: past it the remaining findings are listed by location only. GitHub refuses
    /// comments over 65,536 characters.
    /// </summary>
    public int MarkdownLimit { get; init; } = 60_000;

    /// <summary>SQL blocks longer than this many lines are folded into a collapsed details section (markdown).</summary>
    public int FoldSqlAfterLines { get; init; } = 15;

    /// <summary>Lines of SQL shown around the marked line in the text report.</summary>
    public int ExcerptLines { get; init; } = 8;

    /// <summary>The page of a rule, or null when <see cref="DocsBaseUrl"/> is not set.</summary>
    public Uri? RuleUrl(string ruleId) => DocsBaseUrl is null ? null : new Uri(DocsBaseUrl, $"rules/{Uri.EscapeDataString(ruleId)}.md");
}
