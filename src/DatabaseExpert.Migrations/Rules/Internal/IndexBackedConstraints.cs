using DatabaseExpert.Migrations.Analysis.Statements;

namespace DatabaseExpert.Migrations.Rules.Internal;

/// <summary>A UNIQUE or PRIMARY KEY that ALTER TABLE would build an index for: where, on which columns, and the name to give it.</summary>
internal sealed record IndexBackedConstraint(AlterTableAction Action, IReadOnlyList<string> Columns, string Name);

internal static class IndexBackedConstraints
{
    /// <summary>
    /// The constraints of this kind the statement adds without <c>USING INDEX</c>: table constraints, and columns added
    /// with an inline UNIQUE / PRIMARY KEY. Unnamed ones get PostgreSQL's default name (<c>table_col_key</c>, <c>table_pkey</c>).
    /// </summary>
    public static IEnumerable<IndexBackedConstraint> Of(AlterTableStatement alter, ConstraintKind kind)
    {
        foreach (var action in alter.Actions)
        {
            switch (action)
            {
                case AddConstraintAction { Constraint: { UsingIndex: null } constraint } when constraint.Kind == kind:
                    yield return new IndexBackedConstraint(action, constraint.Columns, constraint.Name ?? DefaultName(alter, kind, constraint.Columns));
                    break;
                case AddColumnAction add when kind == ConstraintKind.Unique ? add.Column.Unique : add.Column.PrimaryKey:
                    yield return new IndexBackedConstraint(action, [add.Column.Name], DefaultName(alter, kind, [add.Column.Name]));
                    break;
            }
        }
    }

    private static string DefaultName(AlterTableStatement alter, ConstraintKind kind, IReadOnlyList<string> columns) =>
        kind == ConstraintKind.PrimaryKey ? SqlText.NameFrom(alter.Table.Name, "pkey") : SqlText.NameFrom([alter.Table.Name, .. columns, "key"]);
}
