using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>DROP INDEX</c> without <c>CONCURRENTLY</c> takes an ACCESS EXCLUSIVE lock on the index's table: brief, but it
/// queues behind every running query on the table and everything queues behind it.
/// </summary>
public sealed class RequireConcurrentIndexDeletion : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-concurrent-index-deletion", Severity.Warning,
        "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table");

    public void Check(RuleContext context)
    {
        if (context.Statement is not DropIndexStatement { Concurrently: false } drop)
        {
            return;
        }

        var existing = drop.Indexes.Where(i => !context.Migration.IsNewIndex(i)).ToList();
        if (existing.Count == 0)
        {
            return;
        }

        // CONCURRENTLY drops one index per statement and refuses CASCADE.
        var rewrite = string.Join('\n', existing.Select(i => $"DROP INDEX CONCURRENTLY IF EXISTS {SqlText.Quote(i)};"));
        context.Report(drop.Position,
            $"DROP INDEX {string.Join(", ", existing.Select(i => i.Display))} takes an ACCESS EXCLUSIVE lock on its table: "
            + "reads and writes wait, and so does the drop until running queries finish",
            "Use DROP INDEX CONCURRENTLY (one index per statement, outside a transaction block): it waits for queries "
            + "using the index without blocking new ones.",
            rewrite);
    }
}
