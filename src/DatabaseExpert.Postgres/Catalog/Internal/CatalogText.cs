using System.Globalization;
using System.Text;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>The readable listing: one block per table (columns, keys, indexes with size and use), then the other objects.</summary>
internal static class CatalogText
{
    public static string Write(CatalogSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"database {snapshot.Database} · PostgreSQL {snapshot.ServerVersion} · schemas: ")
            .AppendJoin(", ", snapshot.Schemas.Select(s => s.Name))
            .Append(CultureInfo.InvariantCulture, $" · {Count(snapshot.Tables.Count, "table")}, {Count(snapshot.Views.Count, "view")}")
            .Append(CultureInfo.InvariantCulture, $", {Count(snapshot.Sequences.Count, "sequence")}, {Count(snapshot.Functions.Count, "function")}\n");
        if (snapshot.Extensions.Count > 0)
        {
            text.Append("extensions: ").AppendJoin(", ", snapshot.Extensions.Select(e => $"{e.Name} {e.Version}")).Append('\n');
        }

        foreach (var table in snapshot.Tables)
        {
            WriteTable(text, table);
        }

        foreach (var view in snapshot.Views)
        {
            text.Append('\n').Append(view.Materialized ? "materialized view " : "view ").Append(view.Schema).Append('.').Append(view.Name);
            if (view.Populated == false)
            {
                text.Append(" (not populated)");
            }

            text.Append(": ").AppendJoin(", ", view.Columns.Select(c => $"{c.Name} {c.Type}")).Append('\n');
            Note(text, view.Comment);
            if (view.DependsOn.Count > 0)
            {
                text.Append("  reads ").AppendJoin(", ", view.DependsOn).Append('\n');
            }

            WriteIndexes(text, view.Indexes);
            WriteTriggers(text, view.Triggers);
        }

        text.Append('\n');
        foreach (var type in snapshot.Enums)
        {
            text.Append(CultureInfo.InvariantCulture, $"enum {type.Schema}.{type.Name}: ").AppendJoin(", ", type.Values).Append(Comment(type.Comment)).Append('\n');
        }

        foreach (var domain in snapshot.Domains)
        {
            text.Append(CultureInfo.InvariantCulture, $"domain {domain.Schema}.{domain.Name}: {domain.BaseType}")
                .Append(domain.Nullable ? "" : " not null").Append(domain.Default is null ? "" : $" default {domain.Default}")
                .AppendJoin("", domain.Checks.Select(c => $" {c.Definition}")).Append(Comment(domain.Comment)).Append('\n');
        }

        foreach (var type in snapshot.CompositeTypes)
        {
            text.Append(CultureInfo.InvariantCulture, $"type {type.Schema}.{type.Name}: (")
                .AppendJoin(", ", type.Attributes.Select(a => $"{a.Name} {a.Type}")).Append(')').Append(Comment(type.Comment)).Append('\n');
        }

        foreach (var sequence in snapshot.Sequences)
        {
            text.Append(CultureInfo.InvariantCulture, $"sequence {sequence.Schema}.{sequence.Name} {sequence.Type}")
                .Append(CultureInfo.InvariantCulture, $" · last {(sequence.LastValue is { } last ? last.ToString(CultureInfo.InvariantCulture) : "none")}")
                .Append(CultureInfo.InvariantCulture, $" · {sequence.PercentUsed:0.##}% used")
                .Append(sequence.OwnedBy is { } owner ? $" · {(sequence.Identity ? "identity of" : "owned by")} {owner.Schema}.{owner.Table}.{owner.Column}" : "")
                .Append(Comment(sequence.Comment)).Append('\n');
        }

        foreach (var function in snapshot.Functions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(function.Kind == FunctionKind.Procedure ? "procedure" : "function")} {function.Schema}.{function.Name}({function.Arguments})")
                .Append(function.Result is null ? "" : $" returns {function.Result}").Append(" · ").Append(function.Language)
                .Append(Comment(function.Comment)).Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void WriteTable(StringBuilder text, TableInfo table)
    {
        text.Append('\n').Append(table.Kind switch
        {
            TableKind.Partitioned => "partitioned table ",
            TableKind.Foreign => "foreign table ",
            _ => table.Persistence == TablePersistence.Unlogged ? "unlogged table " : "table ",
        });
        text.Append(table.Schema).Append('.').Append(table.Name);
        var stats = table.Statistics;
        if (stats.RowEstimate is { } rows)
        {
            text.Append(CultureInfo.InvariantCulture, $" · ~{rows:N0} rows");
        }

        text.Append(CultureInfo.InvariantCulture, $" · {Size(stats.TotalBytes)} (table {Size(stats.TableBytes)}, indexes {Size(stats.IndexBytes)})\n");
        Note(text, table.Comment);
        if (table.PartitionKey is not null)
        {
            text.Append("  partition by ").Append(table.PartitionKey).Append('\n');
        }

        if (table.PartitionOf is { } partition)
        {
            text.Append(CultureInfo.InvariantCulture, $"  partition of {partition.Parent} {partition.Bound}\n");
        }

        if (table.Inherits.Count > 0)
        {
            text.Append("  inherits ").AppendJoin(", ", table.Inherits).Append('\n');
        }

        if (table.RowLevelSecurity)
        {
            text.Append(table.ForceRowLevelSecurity ? "  row level security (forced)\n" : "  row level security\n");
        }

        var nameWidth = table.Columns.Count == 0 ? 0 : table.Columns.Max(c => c.Name.Length);
        var typeWidth = table.Columns.Count == 0 ? 0 : table.Columns.Max(c => c.Type.Length);
        foreach (var column in table.Columns)
        {
            var line = new StringBuilder("  ").Append(column.Name.PadRight(nameWidth)).Append("  ").Append(column.Type.PadRight(typeWidth));
            line.Append(column.Nullable ? "" : "  not null");
            if (column.Identity is { } identity)
            {
                line.Append(identity.Generation == IdentityGeneration.Always ? "  identity always" : "  identity by default");
            }

            line.Append(column.Generated is null ? "" : $"  generated as {column.Generated}")
                .Append(column.Default is null ? "" : $"  default {column.Default}")
                .Append(column.Collation is null ? "" : $"  collate {column.Collation}")
                .Append(Comment(column.Comment));
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        foreach (var check in table.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"  check {check.Name}: {check.Definition}{(check.Inherited ? " (inherited)" : "")}\n");
        }

        foreach (var key in table.ForeignKeys)
        {
            text.Append(CultureInfo.InvariantCulture, $"  foreign key {key.Name}: ({string.Join(", ", key.Columns)}) → {key.References} ({string.Join(", ", key.ReferencedColumns)})");
            text.Append(key.OnDelete == ReferentialAction.NoAction ? "" : $" on delete {Words(key.OnDelete)}")
                .Append(key.OnUpdate == ReferentialAction.NoAction ? "" : $" on update {Words(key.OnUpdate)}")
                .Append(key.Match == ForeignKeyMatch.Simple ? "" : $" match {Words(key.Match)}")
                .Append(key.Deferrable ? key.InitiallyDeferred ? " deferrable initially deferred" : " deferrable" : "")
                .Append(key.Validated ? "" : " NOT VALID").Append(key.Inherited ? " (inherited)" : "").Append('\n');
        }

        WriteIndexes(text, table.Indexes, table);
        WriteTriggers(text, table.Triggers);
    }

    private static void WriteIndexes(StringBuilder text, IReadOnlyList<IndexInfo> indexes, TableInfo? table = null)
    {
        foreach (var index in indexes)
        {
            var role = index.Constraint is null ? ""
                : index.Primary ? " · primary key"
                : table?.Exclusions.Any(x => x.Name == index.Constraint) == true ? " · exclusion constraint"
                : " · unique constraint";
            text.Append(CultureInfo.InvariantCulture, $"  index {index.Name}: {(index.Unique ? "unique " : "")}{Shape(index)}{role}")
                .Append(index.Valid ? "" : " · INVALID").Append(index.ParentIndex is null ? "" : $" · partition of {index.ParentIndex}")
                .Append(CultureInfo.InvariantCulture, $" · {Size(index.Statistics.SizeBytes)} · {index.Statistics.Scans:N0} scans")
                .Append(Comment(index.Comment)).Append('\n');
        }
    }

    /// <summary><c>btree (a, b DESC) INCLUDE (c) WHERE …</c> from the structured columns.</summary>
    private static string Shape(IndexInfo index)
    {
        var keys = index.Columns.Where(c => !c.Included).Select(c =>
        {
            var element = new StringBuilder(c.Column is null ? c.Expression : Identifiers.Quote(c.Column));
            element.Append(c.Collation is null ? "" : $" COLLATE {c.Collation}").Append(c.Opclass is null ? "" : $" {c.Opclass}");
            if (index.Method == "btree")
            {
                element.Append(c.Descending ? " DESC" : "");
                if (c.NullsFirst != c.Descending)
                {
                    element.Append(c.NullsFirst ? " NULLS FIRST" : " NULLS LAST");
                }
            }

            return element.ToString();
        });
        var included = index.Columns.Where(c => c.Included).Select(c => Identifiers.Quote(c.Column ?? c.Expression ?? ""));
        return $"{index.Method} ({string.Join(", ", keys)})"
            + (included.Any() ? $" INCLUDE ({string.Join(", ", included)})" : "")
            + (index.Predicate is null ? "" : $" WHERE {index.Predicate}");
    }

    private static void WriteTriggers(StringBuilder text, IReadOnlyList<TriggerInfo> triggers)
    {
        foreach (var trigger in triggers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  trigger {trigger.Name}: {trigger.Definition}")
                .Append(trigger.State == TriggerState.Enabled ? "" : $" ({trigger.State.ToString().ToLowerInvariant()})")
                .Append(Comment(trigger.Comment)).Append('\n');
        }
    }

    private static void Note(StringBuilder text, string? comment)
    {
        if (comment is not null)
        {
            text.Append("  -- ").Append(comment.ReplaceLineEndings(" ")).Append('\n');
        }
    }

    private static string Comment(string? comment) => comment is null ? "" : $"  -- {comment.ReplaceLineEndings(" ")}";

    private static string Words<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $" {char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>Like pg_size_pretty: bytes, kB, MB, GB, TB in steps of 1024.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 10 * 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value):0} {units[unit]}");
    }
}
