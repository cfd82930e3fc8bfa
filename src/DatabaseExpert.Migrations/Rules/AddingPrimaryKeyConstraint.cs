using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ADD PRIMARY KEY</c> on an existing table builds its unique index (and checks NOT NULL) under an ACCESS EXCLUSIVE
/// lock. Build a unique index concurrently, make the columns NOT NULL the safe way, then <c>PRIMARY KEY USING INDEX</c>.
/// </summary>
public sealed class AddingPrimaryKeyConstraint : IMigrationRule
{
    public RuleInfo Info { get; } = new("adding-primary-key-constraint", Severity.Error,
        "ADD PRIMARY KEY on an existing table builds its index under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        var table = SqlText.Quote(alter.Table);
        foreach (var (action, columns, name) in IndexBackedConstraints.Of(alter, ConstraintKind.PrimaryKey))
        {
            var list = string.Join(", ", columns.Select(SqlText.Quote));
            context.Report(action.Position,
                $"PRIMARY KEY ({string.Join(", ", columns)}) on existing table {alter.Table.Display} builds its index and checks NOT NULL while an "
                + "ACCESS EXCLUSIVE lock blocks reads and writes",
                "Build a unique index concurrently, make the columns NOT NULL without a long lock (see setting-not-null), then "
                + "attach the index with PRIMARY KEY USING INDEX, which only takes a brief lock.",
                $"CREATE UNIQUE INDEX CONCURRENTLY {SqlText.Quote(name)} ON {table} ({list});\n"
                + $"ALTER TABLE {table} ADD CONSTRAINT {SqlText.Quote(name)} PRIMARY KEY USING INDEX {SqlText.Quote(name)};");
        }
    }
}
