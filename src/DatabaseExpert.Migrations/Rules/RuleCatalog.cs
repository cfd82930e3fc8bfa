using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Every rule dbx lint runs, the findings the linter itself produces, and the ids other tools use for the same rules.</summary>
public static class RuleCatalog
{
    /// <summary>A statement dbx could not analyse (a DO block, DDL it could not read, a rule that failed): nothing was checked there.</summary>
    public static RuleInfo NotAnalysed { get; } = new("not-analysed", Severity.Info,
        "a statement dbx could not analyse: no rule checked it");

    /// <summary>The SQL text itself is broken (an unterminated string, comment or dollar quote).</summary>
    public static RuleInfo SyntaxError { get; } = new("syntax-error", Severity.Error,
        "the SQL text cannot be read (an unterminated string, comment or dollar quote)");

    /// <summary>A <c>-- dbx-ignore</c> comment names a rule that does not exist.</summary>
    public static RuleInfo UnknownRuleInIgnore { get; } = new("unknown-rule-in-ignore", Severity.Warning,
        "a dbx-ignore comment names a rule that does not exist");

    public static IReadOnlyList<IRule> All { get; } =
    [
        new RequireConcurrentIndexCreation(),
        new RequireConcurrentIndexDeletion(),
        new RequireConcurrentReindex(),
        new BanConcurrentIndexCreationInTransaction(),
        new ConstraintMissingNotValid(),
        new AddingForeignKeyConstraint(),
        new AddingFieldWithDefault(),
        new ChangingColumnType(),
        new SettingNotNull(),
        new AddingNotNullableField(),
        new DisallowedUniqueConstraint(),
        new AddingPrimaryKeyConstraint(),
        new BanExclusionConstraintOnExistingTable(),
        new BanDropColumn(),
        new BanDropNotNull(),
        new BanDropTable(),
        new BanDropDatabase(),
        new RenamingColumn(),
        new RenamingTable(),
        new PreferBigintOverInt(),
        new PreferBigintOverSmallint(),
        new PreferIdentity(),
        new PreferTextField(),
        new PreferTimestamptz(),
        new BanCharField(),
        new PreferJsonb(),
        new RequireEnumValueOrdering(),
        new EnumValueInTransaction(),
        new BanTruncateCascade(),
        new TransactionNesting(),
        new BanUncommittedTransaction(),
        new RequireLockTimeout(),
        new RequireStatementTimeout(),
        new IdentifierTooLong(),
        new CombineAlterTable(),
        new BanVacuumFull(),
        new BanCluster(),
        new RequireConcurrentPartitionDetach(),
        new RequiresNewerPostgres(),
        new AlterTableRewrite(),
        new BackfillInMigration(),
        new PreferRobustStatements(),
        new BanCreateDomainWithConstraint(),
        new BanAlterDomainWithAddConstraint(),
    ];

    /// <summary>Findings the linter produces itself rather than a rule.</summary>
    public static IReadOnlyList<RuleInfo> Meta { get; } = [NotAnalysed, SyntaxError, UnknownRuleInIgnore];

    /// <summary>Every rule id and what it is, rules first.</summary>
    public static IReadOnlyList<RuleInfo> Infos { get; } = [.. All.Select(r => r.Info), .. Meta];

    /// <summary>Other names accepted in ignores and configuration: squawk's ids for the same checks, and a group.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["require-timeout-settings"] = ["require-lock-timeout", "require-statement-timeout"],
        ["prefer-repack"] = ["ban-vacuum-full", "ban-cluster"],
        ["adding-serial-primary-key-field"] = ["adding-primary-key-constraint"],
        ["adding-required-field"] = ["adding-not-nullable-field"],
    };

    private static readonly Dictionary<string, RuleInfo> ById = Infos.ToDictionary(i => i.Id, StringComparer.Ordinal);

    public static RuleInfo? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The rule ids a name stands for: itself, or an alias's rules; empty when the name is unknown.</summary>
    /// <summary>
    /// Ids of the tracer's, the project readers' and review's findings: not lint rules, but configuration and ignore
    /// comments may name them, so that one <c>-- dbx-ignore</c> or <c>excludedRules</c> entry works in every command.
    /// </summary>
    public static IReadOnlyList<string> OtherIds { get; } =
        [.. Trace.Rules.TraceRuleCatalog.All.Select(r => r.Id), .. Sources.SourceRules.Ids, Review.ReviewRules.EditedAppliedMigration];

    public static IReadOnlyList<string> Expand(string name) =>
        ById.ContainsKey(name) || OtherIds.Contains(name, StringComparer.Ordinal) ? [name] : Aliases.TryGetValue(name, out var ids) ? ids : [];

    /// <summary>Known names close to an unknown one, for "did you mean".</summary>
    public static string? Suggest(string name) =>
        ById.Keys.Concat(Aliases.Keys).Concat(OtherIds)
            .Select(id => (Id: id, Distance: DatabaseExpert.Common.EditDistance.Of(id, name)))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(c => c.Distance)
            .Select(c => c.Id)
            .FirstOrDefault();
}
