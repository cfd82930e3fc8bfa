using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>CREATE INDEX</c> without <c>CONCURRENTLY</c> on a table that already exists holds a SHARE lock for the whole
/// build: every INSERT, UPDATE and DELETE on the table waits. Indexes on tables created earlier in the same migration
/// are fine.
/// </summary>
public sealed class RequireConcurrentIndexCreation : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-concurrent-index-creation", Severity.Error,
        "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build");

    public void Check(RuleContext context)
    {
        if (context.Statement is not CreateIndexStatement { Concurrently: false } index || !context.IsExisting(index.Table))
        {
            return;
        }

        var text = index.Sql.Text;
        var rewrite = $"{text[..index.IndexKeywordEnd]} CONCURRENTLY{text[index.IndexKeywordEnd..]};";
        var transaction = context.Migration.InTransaction
            ? $" CONCURRENTLY cannot run inside a transaction block, and this statement runs in one ({context.Migration.TransactionReason}): "
              + "move it to a step that runs outside the migrator's transaction."
            : string.Empty;
        context.Report(index.Position,
            $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {index.Name ?? "(unnamed)"} on existing table {index.Table.Display} blocks writes "
            + $"to {index.Table.Display} (SHARE lock) until the index is built",
            "Build it with CREATE INDEX CONCURRENTLY: reads and writes continue while it scans the table twice."
            + transaction + " A failed concurrent build leaves an INVALID index: drop it (DROP INDEX CONCURRENTLY) and retry.",
            rewrite);
    }
}
