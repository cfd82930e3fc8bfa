using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// Syntax or built-ins newer than the target PostgreSQL version (<c>--pg-version</c>, <c>pgVersion</c> in the config):
/// the migration would fail there.
/// </summary>
public sealed class RequiresNewerPostgres : IMigrationRule
{
    public RuleInfo Info { get; } = new("requires-newer-postgres", Severity.Error,
        "the statement uses a feature the target PostgreSQL version does not have");

    public void Check(RuleContext context)
    {
        var version = context.Migration.PgVersion;
        foreach (var (feature, needs, at) in Features(context.Statement))
        {
            if (version < needs)
            {
                context.Report(at,
                    $"{feature} needs PostgreSQL {needs}; the target is PostgreSQL {version}",
                    $"Upgrade the server, or write it without {feature}; if the target is wrong, pass --pg-version (or pgVersion in .dbx.yaml).");
            }
        }
    }

    private static IEnumerable<(string Feature, int Needs, SqlPosition At)> Features(AnalyzedStatement statement)
    {
        var at = statement.Position;
        switch (statement)
        {
            case ReindexStatement { Concurrently: true }:
                yield return ("REINDEX CONCURRENTLY", 12, at);
                break;
            case CreateIndexStatement index:
                if (index.HasInclude)
                {
                    yield return ("CREATE INDEX … INCLUDE", 11, at);
                }

                if (index.NullsNotDistinct)
                {
                    yield return ("NULLS NOT DISTINCT", 15, at);
                }

                break;
            case DmlStatement { Kind: DmlKind.Merge }:
                yield return ("MERGE", 15, at);
                break;
            case CreateTableStatement create:
                foreach (var feature in ColumnFeatures(create.Columns))
                {
                    yield return feature;
                }

                foreach (var constraint in create.Constraints.Where(c => c.NullsNotDistinct))
                {
                    yield return ("NULLS NOT DISTINCT", 15, constraint.Position);
                }

                break;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions)
                {
                    switch (action)
                    {
                        case AddColumnAction add:
                            foreach (var feature in ColumnFeatures([add.Column]))
                            {
                                yield return feature;
                            }

                            break;
                        case AddIdentityAction identity:
                            yield return ("identity columns", 10, identity.Position);
                            break;
                        case DetachPartitionAction { Concurrently: true } detach:
                            yield return ("DETACH PARTITION CONCURRENTLY", 14, detach.Position);
                            break;
                        case AddConstraintAction { Constraint.NullsNotDistinct: true } add:
                            yield return ("NULLS NOT DISTINCT", 15, add.Position);
                            break;
                    }
                }

                break;
        }

        if (statement.Sql.StartsWith("create", "or", "replace", "trigger"))
        {
            yield return ("CREATE OR REPLACE TRIGGER", 14, at);
        }

        var tokens = statement.Sql.SignificantTokens.ToList();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].IsKeyword("gen_random_uuid") && tokens[i + 1].IsPunctuation('(') && (i == 0 || !tokens[i - 1].IsPunctuation('.')))
            {
                yield return ("the built-in gen_random_uuid() (before 13 it comes from the pgcrypto extension)", 13, tokens[i].Start);
                break;
            }
        }
    }

    private static IEnumerable<(string, int, SqlPosition)> ColumnFeatures(IEnumerable<ColumnDefinition> columns)
    {
        foreach (var column in columns)
        {
            if (column.Generation == ColumnGeneration.Stored)
            {
                yield return ("generated columns (GENERATED ALWAYS AS … STORED)", 12, column.Position);
            }
            else if (column.Generation == ColumnGeneration.Identity)
            {
                yield return ("identity columns", 10, column.Position);
            }
        }
    }
}
