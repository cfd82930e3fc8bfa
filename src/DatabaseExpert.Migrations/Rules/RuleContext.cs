using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// What a rule reports before the linter turns it into a <see cref="Finding"/> (file, line shift, severity overrides).
/// A null <c>Severity</c> means the rule's default.
/// </summary>
public sealed record RuleReport(string Rule, SqlPosition At, string Message, string Help, string? SafeRewrite, Severity? Severity, SqlStatement? Statement);

/// <summary>The statement a rule checks, the migration state before it, and where to report.</summary>
public sealed class RuleContext(AnalyzedStatement statement, MigrationContext migration, IRule rule, List<RuleReport> reports)
{
    public AnalyzedStatement Statement { get; } = statement;

    public MigrationContext Migration { get; } = migration;

    /// <summary>The table exists before this migration (it was not created earlier in it).</summary>
    public bool IsExisting(ObjectName table) => !Migration.IsNewTable(table);

    public void Report(SqlPosition at, string message, string help, string? safeRewrite = null, Severity? severity = null) =>
        reports.Add(new RuleReport(rule.Info.Id, at, message, help, safeRewrite, severity, Statement.Sql));
}

/// <summary>The end of a migration file, for <see cref="IEndOfFileRule"/>.</summary>
public sealed class EndOfFileContext(MigrationContext migration, IRule rule, List<RuleReport> reports)
{
    public MigrationContext Migration { get; } = migration;

    public void Report(SqlPosition at, SqlStatement? statement, string message, string help, string? safeRewrite = null) =>
        reports.Add(new RuleReport(rule.Info.Id, at, message, help, safeRewrite, null, statement));
}
