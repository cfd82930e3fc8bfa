using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name action [, …]</c> (renames and partition commands included).</summary>
public sealed record AlterTableStatement(SqlStatement Sql, ObjectName Table, IReadOnlyList<AlterTableAction> Actions) : AnalyzedStatement(Sql)
{
    public bool IfExists { get; init; }

    public override IEnumerable<ObjectName> TouchedTables => [Table];
}

/// <summary>One action of an ALTER TABLE.</summary>
public abstract record AlterTableAction(SqlPosition Position, string Text);

public sealed record AddColumnAction(SqlPosition Position, string Text, ColumnDefinition Column, bool IfNotExists) : AlterTableAction(Position, Text);

public sealed record DropColumnAction(SqlPosition Position, string Text, string Column, bool IfExists, bool Cascade) : AlterTableAction(Position, Text);

/// <summary><c>ALTER [COLUMN] col [SET DATA] TYPE t [COLLATE c] [USING expr]</c>.</summary>
public sealed record AlterColumnTypeAction(SqlPosition Position, string Text, string Column, SqlType NewType, SqlExpression? Using, string? Collation)
    : AlterTableAction(Position, Text);

public sealed record SetNotNullAction(SqlPosition Position, string Text, string Column) : AlterTableAction(Position, Text);

public sealed record DropNotNullAction(SqlPosition Position, string Text, string Column) : AlterTableAction(Position, Text);

public sealed record SetDefaultAction(SqlPosition Position, string Text, string Column, SqlExpression Default) : AlterTableAction(Position, Text);

public sealed record DropDefaultAction(SqlPosition Position, string Text, string Column) : AlterTableAction(Position, Text);

/// <summary><c>ALTER [COLUMN] col ADD GENERATED … AS IDENTITY</c>.</summary>
public sealed record AddIdentityAction(SqlPosition Position, string Text, string Column) : AlterTableAction(Position, Text);

public sealed record AddConstraintAction(SqlPosition Position, string Text, TableConstraint Constraint) : AlterTableAction(Position, Text);

public sealed record ValidateConstraintAction(SqlPosition Position, string Text, string Constraint) : AlterTableAction(Position, Text);

public sealed record DropConstraintAction(SqlPosition Position, string Text, string Constraint, bool IfExists) : AlterTableAction(Position, Text);

public sealed record RenameColumnAction(SqlPosition Position, string Text, string Column, string NewName) : AlterTableAction(Position, Text);

public sealed record RenameConstraintAction(SqlPosition Position, string Text, string Constraint, string NewName) : AlterTableAction(Position, Text);

/// <summary><c>RENAME TO new_name</c>: the table gets another name.</summary>
public sealed record RenameTableAction(SqlPosition Position, string Text, string NewName) : AlterTableAction(Position, Text);

public sealed record SetSchemaAction(SqlPosition Position, string Text, string Schema) : AlterTableAction(Position, Text);

/// <summary>Actions that copy the whole table under an ACCESS EXCLUSIVE lock: SET TABLESPACE, SET LOGGED/UNLOGGED, SET ACCESS METHOD.</summary>
public sealed record RewriteTableAction(SqlPosition Position, string Text, string What) : AlterTableAction(Position, Text);

public sealed record AttachPartitionAction(SqlPosition Position, string Text, ObjectName Partition) : AlterTableAction(Position, Text);

public sealed record DetachPartitionAction(SqlPosition Position, string Text, ObjectName Partition, bool Concurrently, bool Finalize)
    : AlterTableAction(Position, Text);

/// <summary><c>ENABLE|DISABLE [REPLICA|ALWAYS] TRIGGER name|ALL|USER</c>.</summary>
public sealed record TriggerAction(SqlPosition Position, string Text, bool Enable, string Trigger) : AlterTableAction(Position, Text);

/// <summary>Actions that only change settings the rules do not look at (SET STATISTICS, OWNER TO, SET (fillfactor …) …).</summary>
public sealed record OtherAlterTableAction(SqlPosition Position, string Text, LockMode Lock) : AlterTableAction(Position, Text);
