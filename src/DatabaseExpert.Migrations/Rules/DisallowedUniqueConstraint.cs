using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ADD CONSTRAINT … UNIQUE</c> (or <c>ADD COLUMN … UNIQUE</c>) on an existing table builds the unique index under an
/// ACCESS EXCLUSIVE lock. Build the index concurrently first, then attach it with <c>UNIQUE USING INDEX</c>.
/// </summary>
public sealed class DisallowedUniqueConstraint : IMigrationRule
{
    public RuleInfo Info { get; } = new("disallowed-unique-constraint", Severity.Error,
        "ADD UNIQUE on an existing table builds its index under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        var table = SqlText.Quote(alter.Table);
        foreach (var (action, columns, name) in IndexBackedConstraints.Of(alter, ConstraintKind.Unique))
        {
            var list = string.Join(", ", columns.Select(SqlText.Quote));
            context.Report(action.Position,
                $"UNIQUE ({string.Join(", ", columns)}) on existing table {alter.Table.Display} builds a unique index while an ACCESS EXCLUSIVE "
                + "lock blocks reads and writes",
                "Build the index with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then attach it: "
                + "ADD CONSTRAINT … UNIQUE USING INDEX only takes a brief lock. Remove duplicates first.",
                $"CREATE UNIQUE INDEX CONCURRENTLY {SqlText.Quote(name)} ON {table} ({list});\n"
                + $"ALTER TABLE {table} ADD CONSTRAINT {SqlText.Quote(name)} UNIQUE USING INDEX {SqlText.Quote(name)};");
        }
    }
}
