using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// Before PostgreSQL 12, <c>ALTER TYPE … ADD VALUE</c> fails inside a transaction block. From 12 it works, but the new
/// value cannot be used until the transaction commits ("unsafe use of new value"): a later statement in the same
/// transaction that writes it fails.
/// </summary>
public sealed class EnumValueInTransaction : IMigrationRule
{
    public RuleInfo Info { get; } = new("enum-value-in-transaction", Severity.Error,
        "ADD VALUE in a transaction fails before PostgreSQL 12; using the new value in the same transaction fails on any version");

    public void Check(RuleContext context)
    {
        var migration = context.Migration;
        if (!migration.InTransaction)
        {
            return;
        }

        if (context.Statement is AddEnumValueStatement add)
        {
            if (migration.PgVersion < 12 && !migration.IsNewType(add.Type))
            {
                context.Report(add.Position,
                    $"ALTER TYPE {add.Type.Display} ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (the target is "
                    + $"{migration.PgVersion}), and this statement runs in one ({migration.TransactionReason})",
                    "Run it in a migration the tool applies without a transaction, or target PostgreSQL 12+.");
            }

            return;
        }

        foreach (var token in context.Statement.Sql.SignificantTokens.Where(t => t.IsStringLiteral && t.Kind != SqlTokenKind.DollarString))
        {
            var pending = migration.PendingEnumValues.FirstOrDefault(p => p.Value == token.Value && !migration.IsNewType(p.Type));
            if (pending is not null)
            {
                context.Report(token.Start,
                    $"'{pending.Value}' was added to enum {pending.Type.Display} at line {pending.Position.Line} in this same transaction; "
                    + "PostgreSQL refuses to use it before the transaction commits (unsafe use of new value)",
                    "Add the enum value in one migration and use it in a later one (for Drizzle: a later `migrate` run, since pending "
                    + "migrations share one transaction).");
                return;
            }
        }
    }
}
