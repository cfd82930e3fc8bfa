using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary><c>VACUUM FULL</c> rewrites the table under an ACCESS EXCLUSIVE lock (and cannot run in a transaction block).</summary>
public sealed class BanVacuumFull : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-vacuum-full", Severity.Error,
        "VACUUM FULL rewrites tables under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not VacuumStatement { Full: true } vacuum || vacuum.Tables.Count > 0 && vacuum.Tables.All(t => !context.IsExisting(t)))
        {
            return;
        }

        var what = vacuum.Tables.Count == 0 ? "every table of the database" : string.Join(", ", vacuum.Tables.Select(t => t.Display));
        context.Report(vacuum.Position,
            $"VACUUM FULL rewrites {what} while an ACCESS EXCLUSIVE lock blocks reads and writes",
            "Use pg_repack (or pg_squeeze) to compact online; plain VACUUM reclaims space for reuse without the lock.");
    }
}
