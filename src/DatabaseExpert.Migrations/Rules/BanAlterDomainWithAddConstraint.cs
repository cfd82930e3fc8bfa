using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>ALTER DOMAIN … ADD CONSTRAINT without NOT VALID checks every column of the domain in every table, holding locks on them.</summary>
public sealed class BanAlterDomainWithAddConstraint : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-alter-domain-with-add-constraint", Severity.Error,
        "ALTER DOMAIN … ADD CONSTRAINT without NOT VALID scans every table that uses the domain");

    public void Check(RuleContext context)
    {
        if (context.Statement is AlterDomainStatement { AddsConstraint: true, NotValid: false } alter)
        {
            context.Report(alter.Position,
                $"ALTER DOMAIN {alter.Domain.Display} ADD CONSTRAINT checks every column of that domain in every table while holding locks on them",
                "Add it NOT VALID, then ALTER DOMAIN … VALIDATE CONSTRAINT in a later migration.");
        }
    }
}
