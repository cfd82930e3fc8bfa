using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Dropping a table breaks running code that uses it, and loses its data for good.</summary>
public sealed class BanDropTable : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-drop-table", Severity.Warning,
        "DROP TABLE breaks running code that uses the table and loses its data");

    public void Check(RuleContext context)
    {
        if (context.Statement is not DropStatement { Kind: DroppedObjectKind.Table } drop)
        {
            return;
        }

        var existing = drop.Names.Where(context.IsExisting).ToList();
        if (existing.Count > 0)
        {
            context.Report(drop.Position,
                $"DROP TABLE {string.Join(", ", existing.Select(t => t.Display))} breaks application instances that still use it, and its data is gone",
                "Remove every use from the code and deploy that first; keep a backup (or rename the table aside) until you are sure.");
        }
    }
}
