using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A BEGIN inside a transaction is ignored with a warning, and the COMMIT that was meant for it commits the outer
/// transaction early — for a tool that wraps the file in a transaction, that is the tool's own transaction, so the
/// rest of the file and the tool's bookkeeping run outside it.
/// </summary>
public sealed class TransactionNesting : IMigrationRule
{
    public RuleInfo Info { get; } = new("transaction-nesting", Severity.Error,
        "BEGIN/COMMIT inside a transaction the tool already opened (or a nested BEGIN)");

    public void Check(RuleContext context)
    {
        if (context.Statement is not TransactionStatement transaction || !context.Migration.InTransaction)
        {
            return;
        }

        var migration = context.Migration;
        if (transaction.Action == TransactionAction.Begin)
        {
            context.Report(transaction.Position,
                migration.InExplicitTransaction
                    ? $"BEGIN inside the transaction opened at line {migration.OpenedBy?.Position.Line}: PostgreSQL has no nested transactions and ignores it"
                    : $"BEGIN inside the transaction the tool already opened ({migration.TransactionReason}): it is ignored, and the matching "
                      + "COMMIT ends the tool's transaction early",
                migration.InExplicitTransaction
                    ? "Remove the inner BEGIN (use SAVEPOINT for a partial rollback)."
                    : "Remove BEGIN/COMMIT from the file and let the tool manage the transaction; split work that must commit separately into another migration.");
        }
        else if (transaction.Action is TransactionAction.Commit or TransactionAction.Rollback && !migration.InExplicitTransaction)
        {
            context.Report(transaction.Position,
                $"{transaction.Sql.Keywords} ends the transaction the tool opened ({migration.TransactionReason}): the rest of the file and "
                + "the tool's own bookkeeping run outside it",
                "Remove it and let the tool commit; put work that must commit separately in another migration.");
        }
    }
}
