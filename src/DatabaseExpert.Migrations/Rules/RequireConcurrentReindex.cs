using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>REINDEX</c> without <c>CONCURRENTLY</c> blocks writes to the table and reads through the index while it
/// rebuilds. <c>REINDEX CONCURRENTLY</c> exists from PostgreSQL 12; before that the recipe is a new index built
/// concurrently, then a swap.
/// </summary>
public sealed class RequireConcurrentReindex : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-concurrent-reindex", Severity.Error,
        "REINDEX without CONCURRENTLY blocks writes (and reads through the index) while it rebuilds");

    public void Check(RuleContext context)
    {
        if (context.Statement is not ReindexStatement { Concurrently: false } reindex || reindex.Target == ReindexTarget.System)
        {
            return;
        }

        if (reindex.Name is { } name && (reindex.Target == ReindexTarget.Table && context.Migration.IsNewTable(name)
            || reindex.Target == ReindexTarget.Index && context.Migration.IsNewIndex(name)))
        {
            return;
        }

        var target = $"{reindex.Target.ToString().ToUpperInvariant()} {reindex.Name?.Display}".TrimEnd();
        var message = $"REINDEX {target} blocks writes to the table and reads that use the index until the rebuild ends";
        if (context.Migration.PgVersion >= 12)
        {
            context.Report(reindex.Position, message,
                "Use REINDEX CONCURRENTLY (PostgreSQL 12+), outside a transaction block: it builds the new index beside the old one and swaps them.",
                $"REINDEX {reindex.Target.ToString().ToUpperInvariant()} CONCURRENTLY {(reindex.Name is null ? string.Empty : SqlText.Quote(reindex.Name))};");
            return;
        }

        context.Report(reindex.Position, message,
            $"REINDEX CONCURRENTLY needs PostgreSQL 12 (the target is {context.Migration.PgVersion}): build a copy with CREATE INDEX "
            + "CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY, then rename the copy.",
            "CREATE INDEX CONCURRENTLY <index>_new ON <table> (<same definition>);\nDROP INDEX CONCURRENTLY <index>;\nALTER INDEX <index>_new RENAME TO <index>;");
    }
}
