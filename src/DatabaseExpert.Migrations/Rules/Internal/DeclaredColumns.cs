using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Rules.Internal;

/// <summary>A column type a statement declares: in CREATE TABLE, ADD COLUMN, or ALTER COLUMN … TYPE (Column is null then).</summary>
internal sealed record DeclaredColumn(ObjectName Table, string Name, SqlType Type, SqlPosition Position, ColumnDefinition? Column, bool IsKey)
{
    public string Where => $"{Table.Display}.{Name}";

    /// <summary>The column definition with another type, or null when there is no definition to rewrite.</summary>
    public string? WithType(string type) => Column?.WithType(type);
}

/// <summary>The column types the type-choice rules look at.</summary>
internal static class DeclaredColumns
{
    public static IEnumerable<DeclaredColumn> Of(AnalyzedStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                // A single-column primary key or a foreign key column is a key; a column of a composite key (a line number) need not be.
                var keyColumns = create.Constraints
                    .Where(c => c.Kind == ConstraintKind.ForeignKey || c.Kind == ConstraintKind.PrimaryKey && c.Columns.Count == 1)
                    .SelectMany(c => c.Columns)
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var column in create.Columns)
                {
                    yield return new DeclaredColumn(create.Table, column.Name, column.Type, column.Type.Position, column,
                        IsKey(column) || keyColumns.Contains(column.Name));
                }

                break;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions)
                {
                    if (action is AddColumnAction add)
                    {
                        yield return new DeclaredColumn(alter.Table, add.Column.Name, add.Column.Type, add.Column.Type.Position, add.Column, IsKey(add.Column));
                    }
                    else if (action is AlterColumnTypeAction change)
                    {
                        yield return new DeclaredColumn(alter.Table, change.Column, change.NewType, change.NewType.Position, null, LooksLikeKey(change.Column));
                    }
                }

                break;
        }
    }

    private static bool IsKey(ColumnDefinition column) =>
        column.PrimaryKey || column.References is not null || column.IsAutoIncrement || LooksLikeKey(column.Name);

    private static bool LooksLikeKey(string name) => name == "id" || name.EndsWith("_id", StringComparison.Ordinal);
}
