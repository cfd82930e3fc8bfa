using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>SET TABLESPACE</c>, <c>SET LOGGED</c> / <c>SET UNLOGGED</c> and <c>SET ACCESS METHOD</c> copy the whole table
/// (and for SET LOGGED write it all to the WAL) under an ACCESS EXCLUSIVE lock.
/// </summary>
public sealed class AlterTableRewrite : IMigrationRule
{
    public RuleInfo Info { get; } = new("alter-table-rewrite", Severity.Error,
        "SET TABLESPACE / SET LOGGED / SET UNLOGGED / SET ACCESS METHOD rewrite the table under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var action in alter.Actions.OfType<RewriteTableAction>())
        {
            context.Report(action.Position,
                $"{action.What} copies all of {alter.Table.Display} while an ACCESS EXCLUSIVE lock blocks reads and writes",
                "Do it in a maintenance window, or move the data with an online tool (pg_repack, logical replication into a new table).");
        }
    }
}
