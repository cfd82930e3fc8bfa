using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>A migration should never drop a database.</summary>
public sealed class BanDropDatabase : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-drop-database", Severity.Error, "DROP DATABASE in a migration");

    public void Check(RuleContext context)
    {
        if (context.Statement is DropStatement { Kind: DroppedObjectKind.Database } drop)
        {
            context.Report(drop.Position,
                $"DROP DATABASE {string.Join(", ", drop.Names.Select(n => n.Display))} in a migration destroys every table in it",
                "Drop databases by hand, deliberately, never from a migration that runs in every environment.");
        }
    }
}
