using System.Globalization;
using DatabaseExpert.Postgres.Catalog.Internal;
using DatabaseExpert.Postgres.Catalog.Internal.Ddl;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// Writes a snapshot as a SQL script that recreates it in an empty database, in dependency order: schemas,
/// extensions, types, sequences, functions, tables (identity, defaults, generated columns, partitions), sequence
/// ownership, functions that need tables, keys and checks, indexes (exactly as pg_get_indexdef wrote them), partition
/// index attachments, foreign keys (NOT VALID kept), views in dependency order, triggers, comments, sequence values.
/// Data is not included; materialized views created WITH DATA are filled from the (empty) tables.
/// </summary>
/// <remarks>Not written: roles, grants, policies, rules, range types, aggregates, foreign servers.</remarks>
public static class DdlWriter
{
    public static string Write(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var script = new SqlScript();
        script.Line($"-- Schema of database {snapshot.Database} (PostgreSQL {snapshot.ServerVersion}), written by dbx schema --format sql.");
        script.Line("-- Replay into an empty database: psql -v ON_ERROR_STOP=1 -d EMPTY_DB -f schema.sql");
        script.Line("-- (-1 makes it all or nothing; thousands of tables in one transaction can exceed max_locks_per_transaction)");
        // Function bodies may mention tables created further down; the server checks them at first call instead.
        script.Statement("SET check_function_bodies = false");
        script.Statement("SET client_min_messages = warning");

        script.Section("Schemas");
        // Extensions may live in a schema of their own that the snapshot did not select (Supabase's "extensions").
        var schemas = snapshot.Schemas.Select(s => s.Name).Concat(snapshot.Extensions.Select(e => e.Schema))
            .Where(s => s is not ("public" or "pg_catalog")).Distinct(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            script.Statement($"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(schema)}");
        }

        script.Section("Extensions");
        foreach (var extension in snapshot.Extensions)
        {
            script.Statement($"CREATE EXTENSION IF NOT EXISTS {Identifiers.Quote(extension.Name)} WITH SCHEMA {Identifiers.Quote(extension.Schema)}");
        }

        TypeDdl.Write(script, snapshot);

        script.Section("Sequences");
        foreach (var sequence in snapshot.Sequences.Where(s => !s.Identity))
        {
            script.Statement(
                $"CREATE SEQUENCE {Identifiers.Quote(sequence.Schema, sequence.Name)} AS {sequence.Type} "
                + SequenceOptions.Format(sequence.Start, sequence.Increment, sequence.MinValue, sequence.MaxValue, sequence.Cache, sequence.Cycle));
        }

        WriteFunctions(script, "Functions", snapshot.Functions.Where(f => !f.DependsOnTables));

        var tables = TableDdl.InCreationOrder(snapshot.Tables);
        TableDdl.Write(script, tables);

        script.Section("Sequence ownership");
        foreach (var sequence in snapshot.Sequences.Where(s => s is { Identity: false, OwnedBy: not null }))
        {
            var owner = sequence.OwnedBy!;
            script.Statement(
                $"ALTER SEQUENCE {Identifiers.Quote(sequence.Schema, sequence.Name)} OWNED BY "
                + $"{Identifiers.Quote(owner.Schema, owner.Table)}.{Identifiers.Quote(owner.Column)}");
        }

        WriteFunctions(script, "Functions that use table row types", snapshot.Functions.Where(f => f.DependsOnTables));

        ConstraintDdl.WriteKeysAndChecks(script, tables);
        script.Section("Indexes");
        ConstraintDdl.WriteIndexes(script, tables.SelectMany(t => t.Indexes));
        ConstraintDdl.WriteIndexAttachments(script, tables);
        ConstraintDdl.WriteForeignKeys(script, tables);

        ViewDdl.Write(script, snapshot.Views);
        TriggerDdl.Write(
            script,
            tables.Select(t => (t.QualifiedName, t.Triggers)).Concat(snapshot.Views.Select(v => (new ObjectName(v.Schema, v.Name), v.Triggers))));
        CommentDdl.Write(script, snapshot);

        script.Section("Sequence values");
        foreach (var sequence in snapshot.Sequences.Where(s => s.LastValue is not null))
        {
            script.Statement($"SELECT pg_catalog.setval({Identifiers.Literal(Identifiers.Quote(sequence.Schema, sequence.Name))}, {sequence.LastValue!.Value.ToString(CultureInfo.InvariantCulture)}, true)");
        }

        return script.ToString();
    }

    private static void WriteFunctions(SqlScript script, string section, IEnumerable<FunctionInfo> functions)
    {
        script.Section(section);
        foreach (var function in functions)
        {
            if (function.Definition is not null)
            {
                script.Statement(function.Definition);
            }
        }
    }
}
