namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>COMMENT ON for every object that has one, written last when everything they describe exists.</summary>
internal static class CommentDdl
{
    /// <summary>What initdb puts on the public schema: not worth restating (and only its owner may).</summary>
    private const string StockPublicComment = "standard public schema";

    public static void Write(SqlScript script, CatalogSnapshot snapshot)
    {
        script.Section("Comments");
        foreach (var schema in snapshot.Schemas.Where(s => !(s.Name == "public" && s.Comment == StockPublicComment)))
        {
            On(script, $"SCHEMA {Identifiers.Quote(schema.Name)}", schema.Comment);
        }

        foreach (var type in snapshot.Enums)
        {
            On(script, $"TYPE {Identifiers.Quote(type.Schema, type.Name)}", type.Comment);
        }

        foreach (var domain in snapshot.Domains)
        {
            On(script, $"DOMAIN {Identifiers.Quote(domain.Schema, domain.Name)}", domain.Comment);
        }

        foreach (var type in snapshot.CompositeTypes)
        {
            On(script, $"TYPE {Identifiers.Quote(type.Schema, type.Name)}", type.Comment);
        }

        foreach (var sequence in snapshot.Sequences)
        {
            On(script, $"SEQUENCE {Identifiers.Quote(sequence.Schema, sequence.Name)}", sequence.Comment);
        }

        foreach (var function in snapshot.Functions)
        {
            var kind = function.Kind switch
            {
                FunctionKind.Procedure => "PROCEDURE",
                FunctionKind.Aggregate => "AGGREGATE",
                _ => "FUNCTION",
            };
            On(script, $"{kind} {Identifiers.Quote(function.Schema, function.Name)}({function.Arguments})", function.Comment);
        }

        foreach (var table in snapshot.Tables)
        {
            var name = Identifiers.Quote(table.QualifiedName);
            On(script, $"{(table.Kind == TableKind.Foreign ? "FOREIGN TABLE" : "TABLE")} {name}", table.Comment);
            WriteColumns(script, name, table.Columns);
            var constraints = (table.PrimaryKey is null ? [] : new[] { (table.PrimaryKey.Name, table.PrimaryKey.Comment) })
                .Concat(table.UniqueConstraints.Select(c => (c.Name, c.Comment)))
                .Concat(table.Exclusions.Select(c => (c.Name, c.Comment)))
                .Concat(table.Checks.Select(c => (c.Name, c.Comment)))
                .Concat(table.ForeignKeys.Select(c => (c.Name, c.Comment)));
            foreach (var (constraint, comment) in constraints)
            {
                On(script, $"CONSTRAINT {Identifiers.Quote(constraint)} ON {name}", comment);
            }

            WriteIndexesAndTriggers(script, table.Schema, name, table.Indexes, table.Triggers);
        }

        foreach (var view in snapshot.Views)
        {
            var name = Identifiers.Quote(view.Schema, view.Name);
            On(script, $"{(view.Materialized ? "MATERIALIZED VIEW" : "VIEW")} {name}", view.Comment);
            WriteColumns(script, name, view.Columns);
            WriteIndexesAndTriggers(script, view.Schema, name, view.Indexes, view.Triggers);
        }
    }

    private static void WriteColumns(SqlScript script, string relation, IReadOnlyList<ColumnInfo> columns)
    {
        foreach (var column in columns)
        {
            On(script, $"COLUMN {relation}.{Identifiers.Quote(column.Name)}", column.Comment);
        }
    }

    private static void WriteIndexesAndTriggers(
        SqlScript script, string schema, string relation, IReadOnlyList<IndexInfo> indexes, IReadOnlyList<TriggerInfo> triggers)
    {
        foreach (var index in indexes)
        {
            On(script, $"INDEX {Identifiers.Quote(schema, index.Name)}", index.Comment);
        }

        foreach (var trigger in triggers)
        {
            On(script, $"TRIGGER {Identifiers.Quote(trigger.Name)} ON {relation}", trigger.Comment);
        }
    }

    private static void On(SqlScript script, string target, string? comment)
    {
        if (comment is not null)
        {
            script.Statement($"COMMENT ON {target} IS {Identifiers.Literal(comment)}");
        }
    }
}
