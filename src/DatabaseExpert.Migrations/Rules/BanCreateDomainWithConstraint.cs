using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A domain with a CHECK or NOT NULL is hard to change later: ALTER DOMAIN … ADD CONSTRAINT checks every column of every
/// table that uses the domain, under locks. A CHECK on each table column can be changed with NOT VALID + VALIDATE.
/// </summary>
public sealed class BanCreateDomainWithConstraint : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-create-domain-with-constraint", Severity.Warning,
        "CREATE DOMAIN with a constraint: changing it later scans every table that uses the domain");

    public void Check(RuleContext context)
    {
        if (context.Statement is not CreateOtherStatement { ObjectKind: "domain" } domain
            || !domain.Sql.SignificantTokens.Any(t => t.IsKeyword("check") || t.IsKeyword("constraint")) && !HasNotNull(domain))
        {
            return;
        }

        context.Report(domain.Position,
            $"domain {domain.Name?.Display} carries a constraint: changing it later validates every column of that domain in every table, under locks",
            "Put the CHECK on the table columns instead (they can be replaced with NOT VALID + VALIDATE), or keep the domain without constraints.");
    }

    private static bool HasNotNull(CreateOtherStatement domain)
    {
        var tokens = domain.Sql.SignificantTokens.ToList();
        return tokens.Zip(tokens.Skip(1)).Any(p => p.First.IsKeyword("not") && p.Second.IsKeyword("null"));
    }
}
