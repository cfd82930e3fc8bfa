using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Dropping NOT NULL lets NULLs in, which code written for a non-null column may not handle.</summary>
public sealed class BanDropNotNull : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-drop-not-null", Severity.Warning,
        "DROP NOT NULL may break code that relies on the column never being NULL");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var drop in alter.Actions.OfType<DropNotNullAction>().Where(d => !context.Migration.IsNewColumn(alter.Table, d.Column)))
        {
            context.Report(drop.Position,
                $"DROP NOT NULL on {alter.Table.Display}.{drop.Column} lets NULLs in; readers that assume a value will meet NULLs",
                "Make every reader handle NULL (and deploy that) before this migration runs.");
        }
    }
}
