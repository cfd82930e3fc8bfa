using DatabaseExpert.Postgres.Catalog.Internal.Queries;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>Turns the catalog rows into the typed snapshot: groups per table, decodes catalog codes, applies the table filter.</summary>
internal static class SnapshotBuilder
{
    public static CatalogSnapshot Build(CatalogRows rows, CatalogOptions options, string serverVersion, string database)
    {
        CheckSchemas(rows.Schemas, options);
        var columns = rows.Columns.GroupBy(c => c.RelationOid).ToDictionary(g => g.Key, g => (IReadOnlyList<ColumnInfo>)[.. g.Select(Column)]);
        var constraints = rows.Constraints.ToLookup(c => c.TableOid);
        var indexes = new IndexColumnResolver(rows.Columns, rows.Lookups).Resolve(rows.Indexes);
        var triggers = rows.Triggers.ToLookup(t => t.RelationOid);

        var tables = rows.Tables.Select(t => Table(t, columns.GetValueOrDefault(t.Oid, []), constraints[t.Oid], indexes[t.Oid], triggers[t.Oid]));
        var views = rows.Views.Select(v => View(v, columns.GetValueOrDefault(v.Oid, []), indexes[v.Oid], triggers[v.Oid]));
        var sequences = rows.Sequences.Select(Sequence);
        var filter = TableFilter.Create(options.Tables);
        if (filter is not null)
        {
            tables = tables.Where(t => filter.Matches(t.Schema, t.Name)).ToList();
            views = views.Where(v => filter.Matches(v.Schema, v.Name)).ToList();
            if (!tables.Any() && !views.Any())
            {
                throw new CatalogException(
                    $"no table or view matches {string.Join(" or ", options.Tables.Select(p => $"'{p}'"))}; patterns match the name or schema.name "
                    + "(* any characters, ? one character, case-sensitive)",
                    CatalogErrorKind.InvalidRequest);
            }

            var kept = tables.Select(t => (t.Schema, t.Name)).ToHashSet();
            sequences = sequences.Where(s => s.OwnedBy is null || kept.Contains((s.OwnedBy.Schema, s.OwnedBy.Table)));
        }

        return new CatalogSnapshot
        {
            ServerVersion = serverVersion,
            Database = database,
            Schemas = [.. rows.Schemas.Where(s => s.Selected).Select(s => new SchemaInfo(s.Name, s.Comment))],
            Extensions = [.. rows.Extensions.Select(e => new ExtensionInfo(e.Name, e.Version, e.Schema))],
            Tables = [.. tables],
            Views = [.. views],
            Enums = [.. rows.Types.Where(t => t.Kind == "e").Select(t => new EnumInfo(t.Schema, t.Name, t.Labels ?? [], t.Comment))],
            Domains = [.. rows.Types.Where(t => t.Kind == "d").Select(Domain)],
            CompositeTypes = [.. rows.Types.Where(t => t.Kind == "c").Select(Composite)],
            Sequences = [.. sequences],
            Functions = [.. rows.Functions.Select(Function)],
            Queries = rows.QueryCount,
        };
    }

    private static void CheckSchemas(IReadOnlyList<SchemaRow> schemas, CatalogOptions options)
    {
        var known = schemas.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var missing = options.Schemas.Concat(options.ExcludeSchemas).Where(s => !known.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            throw new CatalogException(
                $"no schema named {string.Join(", ", missing.Select(m => $"'{m}'"))} in this database (names are case-sensitive); "
                + $"schemas: {string.Join(", ", known.Order(StringComparer.Ordinal))}",
                CatalogErrorKind.InvalidRequest);
        }
    }

    private static TableInfo Table(
        TableRow row, IReadOnlyList<ColumnInfo> columns, IEnumerable<ConstraintRow> constraints, IEnumerable<IndexInfo> indexes, IEnumerable<TriggerRow> triggers)
    {
        var byType = constraints.ToLookup(c => c.Type);
        var parents = Names(row.ParentSchemas, row.ParentNames);
        var indexBytes = indexes.Sum(i => i.Statistics.SizeBytes);
        return new TableInfo
        {
            Schema = row.Schema,
            Name = row.Name,
            Kind = row.Kind switch
            {
                "p" => TableKind.Partitioned,
                "f" => TableKind.Foreign,
                _ => TableKind.Ordinary,
            },
            Columns = columns,
            PrimaryKey = byType["p"].Select(Key).FirstOrDefault(),
            UniqueConstraints = [.. byType["u"].Select(Key)],
            Checks = [.. byType["c"].Select(Check)],
            ForeignKeys = [.. byType["f"].Select(ForeignKey)],
            Exclusions = [.. byType["x"].Select(Exclusion)],
            Indexes = [.. indexes],
            Triggers = [.. triggers.Select(Trigger)],
            Persistence = row.Persistence switch
            {
                "u" => TablePersistence.Unlogged,
                "t" => TablePersistence.Temporary,
                _ => TablePersistence.Permanent,
            },
            PartitionKey = row.PartitionKey,
            PartitionOf = row.IsPartition && parents.Count > 0 ? new PartitionInfo(parents[0], row.PartitionBound ?? "DEFAULT") : null,
            Inherits = row.IsPartition ? [] : parents,
            RowLevelSecurity = row.RowSecurity,
            ForceRowLevelSecurity = row.ForceRowSecurity,
            StorageOptions = row.Options ?? [],
            Tablespace = row.Tablespace,
            ForeignServer = row.ForeignServer,
            ForeignOptions = row.ForeignOptions ?? [],
            Comment = row.Comment,
            Statistics = new TableStatistics(row.RowEstimate, row.TableBytes + indexBytes, row.TableBytes, indexBytes),
        };
    }

    private static ColumnInfo Column(ColumnRow row, int index) => new()
    {
        Name = row.Name,
        Position = index + 1,
        Type = row.Type,
        TypeKind = row.TypeKind switch
        {
            "e" => TypeKind.Enum,
            "d" => TypeKind.Domain,
            "c" => TypeKind.Composite,
            "r" => TypeKind.Range,
            "m" => TypeKind.Multirange,
            "p" => TypeKind.Pseudo,
            _ => TypeKind.Base,
        },
        IsArray = row.IsArray,
        ElementType = row.ElementType,
        BaseType = row.BaseType,
        Nullable = !row.NotNull,
        Default = row.Default,
        Generated = row.Generated,
        Identity = row.Identity is "a" or "d" && row.SequenceName is not null
            ? new IdentityInfo(
                row.Identity == "a" ? IdentityGeneration.Always : IdentityGeneration.ByDefault,
                new ObjectName(row.SequenceSchema!, row.SequenceName),
                row.IdentityStart ?? 1,
                row.IdentityIncrement ?? 1,
                row.IdentityMin ?? 1,
                row.IdentityMax ?? long.MaxValue,
                row.IdentityCache ?? 1,
                row.IdentityCycle ?? false)
            : null,
        Collation = row.Collation,
        Comment = row.Comment,
    };

    private static KeyConstraintInfo Key(ConstraintRow row) => new()
    {
        Name = row.Name,
        Columns = row.Columns ?? [],
        Index = row.IndexName ?? row.Name,
        NullsNotDistinct = row.NullsNotDistinct,
        Deferrable = row.Deferrable,
        InitiallyDeferred = row.InitiallyDeferred,
        Inherited = row.Inherited,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static CheckConstraintInfo Check(ConstraintRow row) => new()
    {
        Name = row.Name,
        Expression = row.Expression ?? row.Definition,
        Validated = row.Validated,
        NoInherit = row.NoInherit,
        Inherited = row.Inherited,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static ForeignKeyInfo ForeignKey(ConstraintRow row) => new()
    {
        Name = row.Name,
        Columns = row.Columns ?? [],
        References = new ObjectName(row.ReferencedSchema ?? "", row.ReferencedTable ?? ""),
        ReferencedColumns = row.ReferencedColumns ?? [],
        OnUpdate = Action(row.OnUpdate),
        OnDelete = Action(row.OnDelete),
        Match = row.MatchType switch
        {
            "f" => ForeignKeyMatch.Full,
            "p" => ForeignKeyMatch.Partial,
            _ => ForeignKeyMatch.Simple,
        },
        Deferrable = row.Deferrable,
        InitiallyDeferred = row.InitiallyDeferred,
        Validated = row.Validated,
        Inherited = row.Inherited,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static ReferentialAction Action(string code) => code switch
    {
        "r" => ReferentialAction.Restrict,
        "c" => ReferentialAction.Cascade,
        "n" => ReferentialAction.SetNull,
        "d" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    private static ExclusionConstraintInfo Exclusion(ConstraintRow row) => new()
    {
        Name = row.Name,
        Index = row.IndexName ?? row.Name,
        Deferrable = row.Deferrable,
        InitiallyDeferred = row.InitiallyDeferred,
        Inherited = row.Inherited,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static TriggerInfo Trigger(TriggerRow row) => new()
    {
        Name = row.Name,
        Function = new ObjectName(row.FunctionSchema, row.FunctionName),
        State = row.Enabled switch
        {
            "D" => TriggerState.Disabled,
            "R" => TriggerState.Replica,
            "A" => TriggerState.Always,
            _ => TriggerState.Enabled,
        },
        Inherited = row.Inherited,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static ViewInfo View(ViewRow row, IReadOnlyList<ColumnInfo> columns, IEnumerable<IndexInfo> indexes, IEnumerable<TriggerRow> triggers) => new()
    {
        Schema = row.Schema,
        Name = row.Name,
        Materialized = row.Materialized,
        Definition = row.Definition,
        Columns = columns,
        DependsOn = Names(row.DependencySchemas, row.DependencyNames),
        Options = row.Options ?? [],
        Populated = row.Materialized ? row.Populated : null,
        Indexes = [.. indexes],
        Triggers = [.. triggers.Select(Trigger)],
        Tablespace = row.Tablespace,
        Comment = row.Comment,
    };

    private static DomainInfo Domain(TypeRow row) => new()
    {
        Schema = row.Schema,
        Name = row.Name,
        BaseType = row.BaseType ?? "",
        Nullable = !row.NotNull,
        Default = row.Default,
        Collation = row.Collation,
        Checks = [.. Pairs(row.CheckNames, row.CheckDefinitions).Select(p => new DomainCheck(p.First, p.Second))],
        Comment = row.Comment,
    };

    private static CompositeTypeInfo Composite(TypeRow row) =>
        new(row.Schema, row.Name, [.. Pairs(row.AttributeNames, row.AttributeTypes).Select(p => new CompositeField(p.First, p.Second))], row.Comment);

    private static SequenceInfo Sequence(SequenceRow row) => new()
    {
        Schema = row.Schema,
        Name = row.Name,
        Type = row.Type,
        Start = row.Start,
        Increment = row.Increment,
        MinValue = row.MinValue,
        MaxValue = row.MaxValue,
        Cache = row.Cache,
        Cycle = row.Cycle,
        LastValue = row.LastValue,
        PercentUsed = PercentUsed(row),
        OwnedBy = row.OwnerTable is null ? null : new ColumnReference(row.OwnerSchema!, row.OwnerTable, row.OwnerColumn!),
        Identity = row.Identity == true,
        Comment = row.Comment,
    };

    /// <summary>Share of the range already handed out, from the end the sequence starts at.</summary>
    private static double PercentUsed(SequenceRow row)
    {
        if (row.LastValue is not { } last)
        {
            return 0;
        }

        var range = (double)row.MaxValue - row.MinValue;
        var used = row.Increment > 0 ? (double)last - row.MinValue : (double)row.MaxValue - last;
        return range <= 0 ? 100 : Math.Clamp(used / range * 100, 0, 100);
    }

    private static FunctionInfo Function(FunctionRow row) => new()
    {
        Schema = row.Schema,
        Name = row.Name,
        Arguments = row.Arguments,
        Result = row.Result,
        Language = row.Language,
        Kind = row.Kind switch
        {
            "p" => FunctionKind.Procedure,
            "a" => FunctionKind.Aggregate,
            "w" => FunctionKind.Window,
            _ => FunctionKind.Function,
        },
        DependsOnTables = row.DependsOnTables,
        Definition = row.Definition,
        Comment = row.Comment,
    };

    private static List<ObjectName> Names(string[]? schemas, string[]? names) =>
        [.. Pairs(schemas, names).Select(p => new ObjectName(p.First, p.Second))];

    private static IEnumerable<(string First, string Second)> Pairs(string[]? first, string[]? second) =>
        (first ?? []).Zip(second ?? []);
}
