using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary><c>TRUNCATE … CASCADE</c> also empties every table that references the named ones, recursively: data loss far from the statement.</summary>
public sealed class BanTruncateCascade : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-truncate-cascade", Severity.Error,
        "TRUNCATE … CASCADE also empties every table with a foreign key to it");

    public void Check(RuleContext context)
    {
        if (context.Statement is TruncateStatement { Cascade: true } truncate)
        {
            context.Report(truncate.Position,
                $"TRUNCATE {string.Join(", ", truncate.Tables.Select(t => t.Display))} CASCADE also empties every table that references them, "
                + "and the tables that reference those",
                "Name every table to empty explicitly and drop CASCADE: PostgreSQL then refuses if another table still references them.",
                $"TRUNCATE {string.Join(", ", truncate.Tables.Select(SqlText.Quote))};");
        }
    }
}
