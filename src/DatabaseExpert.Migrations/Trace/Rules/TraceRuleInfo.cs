using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>A trace rule's identity and default severity (for docs, SARIF rule metadata and configuration).</summary>
/// <param name="Id">Stable kebab-case id; its page is docs/rules/&lt;id&gt;.md.</param>
/// <param name="Severity">Default severity.</param>
/// <param name="Title">One line: what it detects.</param>
public sealed record TraceRuleInfo(string Id, Severity Severity, string Title)
{
    public string DocPath => $"docs/rules/{Id}.md";
}

/// <summary>Every trace rule, in the order they are documented.</summary>
public static class TraceRuleCatalog
{
    public static IReadOnlyList<TraceRuleInfo> All { get; } =
    [
        LockWithoutTimeoutRule.Info,
        AccessExclusiveHeldRule.Info,
        TableRewriteRule.Info,
        ConstraintValidationScanRule.Info,
        NotNullScanRule.Info,
        ForeignKeyWithoutIndexRule.Info,
        UniqueConstraintRule.Info,
        ExclusionConstraintRule.Info,
        IndexNotConcurrentRule.Info,
        BulkRowChangeRule.Info,
        MigrationFailedRule.Info,
        SetupFailed.Info,
    ];

    /// <summary>The rules that look at what a traced file did (the two failure reports are raised by the tracer).</summary>
    internal static IReadOnlyList<ITraceRule> Checks { get; } =
    [
        new LockWithoutTimeoutRule(),
        new AccessExclusiveHeldRule(),
        new TableRewriteRule(),
        new ConstraintValidationScanRule(),
        new NotNullScanRule(),
        new ForeignKeyWithoutIndexRule(),
        new UniqueConstraintRule(),
        new ExclusionConstraintRule(),
        new IndexNotConcurrentRule(),
        new BulkRowChangeRule(),
        new MigrationFailedRule(),
    ];
}
