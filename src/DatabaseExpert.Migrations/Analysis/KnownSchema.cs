using DatabaseExpert.Migrations.Analysis.Statements;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// A constraint the migrations so far have created, and whether it has been validated. <c>NotNullColumn</c> is, for
/// <c>CHECK (col IS NOT NULL)</c>, the column it proves has no NULLs.
/// </summary>
public sealed record KnownConstraint(ObjectName Table, string Name, ConstraintKind Kind, string? NotNullColumn, bool Validated);

/// <summary>
/// The schema as the migrations read so far leave it: tables and their column types, indexes, enum values, named
/// constraints, and functions with their volatility. Carried from one migration file to the next, so that a later
/// migration knows the type a column had before it changes it.
/// </summary>
public sealed class KnownSchema
{
    private readonly Dictionary<string, Dictionary<string, SqlType>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectName> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownConstraint> _constraints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Volatility> _functions = new(StringComparer.Ordinal);

    public bool HasTable(ObjectName table) => _tables.ContainsKey(table.Key);

    public SqlType? ColumnType(ObjectName table, string column) =>
        _tables.TryGetValue(table.Key, out var columns) ? columns.GetValueOrDefault(column) : null;

    /// <summary>The table an index belongs to, when a migration created it.</summary>
    public ObjectName? IndexTable(ObjectName index) => _indexes.GetValueOrDefault(index.Key);

    public IReadOnlyList<string>? EnumValues(ObjectName type) => _enums.GetValueOrDefault(type.Key);

    public KnownConstraint? Constraint(ObjectName table, string name) => _constraints.GetValueOrDefault(ConstraintKey(table, name));

    /// <summary>A validated <c>CHECK (column IS NOT NULL)</c> on the column, which lets SET NOT NULL skip its scan (PostgreSQL 12+).</summary>
    public KnownConstraint? ValidatedNotNullCheck(ObjectName table, string column) =>
        _constraints.Values.FirstOrDefault(c => c.Validated && c.NotNullColumn == column && c.Table.Matches(table));

    public Volatility? FunctionVolatility(string name) => _functions.TryGetValue(name, out var volatility) ? volatility : null;

    /// <summary>Records what the statement changes.</summary>
    public void Apply(AnalyzedStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                var columns = _tables[create.Table.Key] = new Dictionary<string, SqlType>(StringComparer.Ordinal);
                foreach (var column in create.Columns)
                {
                    columns[column.Name] = column.Type;
                }

                foreach (var constraint in create.Constraints)
                {
                    AddConstraint(create.Table, constraint);
                }

                break;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions)
                {
                    Apply(alter.Table, action);
                }

                break;
            case CreateIndexStatement { Name: { } name } index:
                _indexes[new ObjectName(index.Table.Schema, name).Key] = index.Table;
                break;
            case DropIndexStatement drop:
                foreach (var index in drop.Indexes)
                {
                    _indexes.Remove(index.Key);
                }

                break;
            case DropStatement { Kind: DroppedObjectKind.Table or DroppedObjectKind.MaterializedView } drop:
                foreach (var table in drop.Names)
                {
                    _tables.Remove(table.Key);
                }

                break;
            case DropStatement { Kind: DroppedObjectKind.Type } drop:
                foreach (var type in drop.Names)
                {
                    _enums.Remove(type.Key);
                }

                break;
            case CreateEnumStatement create:
                _enums[create.Type.Key] = [.. create.Values];
                break;
            case AddEnumValueStatement add when _enums.TryGetValue(add.Type.Key, out var values) && !values.Contains(add.Value):
                values.Add(add.Value);
                break;
            case CreateFunctionStatement function:
                _functions[function.Function.Name] = function.Volatility;
                break;
            case CreateOtherStatement { ObjectKind: "materialized view", Name: { } view }:
                _tables[view.Key] = new Dictionary<string, SqlType>(StringComparer.Ordinal);
                break;
        }
    }

    private void Apply(ObjectName table, AlterTableAction action)
    {
        _tables.TryGetValue(table.Key, out var columns);
        switch (action)
        {
            case AddColumnAction add when columns is not null:
                columns[add.Column.Name] = add.Column.Type;
                break;
            case DropColumnAction drop:
                columns?.Remove(drop.Column);
                break;
            case AlterColumnTypeAction change when columns is not null:
                columns[change.Column] = change.NewType;
                break;
            case RenameColumnAction rename when columns is not null && columns.Remove(rename.Column, out var type):
                columns[rename.NewName] = type;
                break;
            case RenameTableAction rename when columns is not null:
                _tables.Remove(table.Key);
                _tables[new ObjectName(table.Schema, rename.NewName).Key] = columns;
                break;
            case AddConstraintAction add:
                AddConstraint(table, add.Constraint);
                break;
            case ValidateConstraintAction validate when Constraint(table, validate.Constraint) is { } known:
                _constraints[ConstraintKey(table, validate.Constraint)] = known with { Validated = true };
                break;
            case DropConstraintAction drop:
                _constraints.Remove(ConstraintKey(table, drop.Constraint));
                break;
        }
    }

    private void AddConstraint(ObjectName table, TableConstraint constraint)
    {
        if (constraint.Name is { } name)
        {
            _constraints[ConstraintKey(table, name)] = new KnownConstraint(table, name, constraint.Kind, constraint.NotNullColumn, !constraint.NotValid);
        }
    }

    private static string ConstraintKey(ObjectName table, string name) => $"{table.Key}/{name}";
}
