namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>The ids of the trace findings (stable forever; each has its page in docs/rules/&lt;id&gt;.md).</summary>
public static class TraceRuleIds
{
    public const string LockWithoutTimeout = "trace-lock-without-timeout";
    public const string AccessExclusiveHeld = "trace-access-exclusive-held";
    public const string TableRewrite = "trace-table-rewrite";
    public const string ForeignKeyWithoutIndex = "trace-fk-without-index";
    public const string ConstraintValidationScan = "trace-constraint-validation-scan";
    public const string NotNullScan = "trace-not-null-scan";
    public const string UniqueConstraint = "trace-unique-constraint";
    public const string ExclusionConstraint = "trace-exclusion-constraint";
    public const string IndexNotConcurrent = "trace-index-not-concurrent";
    public const string BulkRowChange = "trace-bulk-row-change";
    public const string MigrationFailed = "trace-migration-failed";
    public const string SetupFailed = "trace-setup-failed";
}
