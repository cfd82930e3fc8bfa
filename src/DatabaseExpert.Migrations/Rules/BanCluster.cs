using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary><c>CLUSTER</c> rewrites the table in index order under an ACCESS EXCLUSIVE lock.</summary>
public sealed class BanCluster : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-cluster", Severity.Error,
        "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not ClusterStatement cluster || cluster.Table is { } table && !context.IsExisting(table))
        {
            return;
        }

        context.Report(cluster.Position,
            $"CLUSTER {cluster.Table?.Display ?? "(every clustered table)"} rewrites the table in index order while an ACCESS EXCLUSIVE lock blocks reads and writes",
            "Use pg_repack --order-by to reorder online, or run CLUSTER in a maintenance window, not in a migration.");
    }
}
