using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

public enum DroppedObjectKind
{
    Table,
    Type,
    Database,
    Schema,
    View,
    MaterializedView,
    Sequence,
    Other,
}

/// <summary><c>DROP TABLE|TYPE|DATABASE|SCHEMA|VIEW|… [IF EXISTS] name [, …] [CASCADE]</c> (DROP INDEX is <see cref="DropIndexStatement"/>).</summary>
public sealed record DropStatement(SqlStatement Sql, DroppedObjectKind Kind, IReadOnlyList<ObjectName> Names) : AnalyzedStatement(Sql)
{
    public bool IfExists { get; init; }

    public bool Cascade { get; init; }

    public override IEnumerable<ObjectName> TouchedTables => Kind == DroppedObjectKind.Table ? Names : [];
}

/// <summary><c>TRUNCATE [TABLE] [ONLY] name [, …] [RESTART IDENTITY] [CASCADE]</c>.</summary>
public sealed record TruncateStatement(SqlStatement Sql, IReadOnlyList<ObjectName> Tables, bool Cascade) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => Tables;
}

/// <summary><c>VACUUM [FULL] …</c> or <c>VACUUM (FULL, …) …</c>.</summary>
public sealed record VacuumStatement(SqlStatement Sql, bool Full, IReadOnlyList<ObjectName> Tables) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => Tables;
}

/// <summary><c>CLUSTER [VERBOSE] [table [USING index]]</c>.</summary>
public sealed record ClusterStatement(SqlStatement Sql, ObjectName? Table) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => Table is null ? [] : [Table];
}

/// <summary>
/// <c>SET [SESSION|LOCAL] name {TO|=} value</c>, <c>RESET name</c>, or <c>SELECT set_config('name', 'value', is_local)</c>.
/// <c>Value</c> is the value as the server reads it; null for RESET or DEFAULT.
/// </summary>
public sealed record SetStatement(SqlStatement Sql, string Name, string? Value, bool Local) : AnalyzedStatement(Sql);

public enum TransactionAction
{
    Begin,
    Commit,
    Rollback,
    Savepoint,
    ReleaseSavepoint,
    RollbackToSavepoint,
    PrepareTransaction,
}

/// <summary>BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT and savepoints.</summary>
public sealed record TransactionStatement(SqlStatement Sql, TransactionAction Action) : AnalyzedStatement(Sql);

/// <summary><c>CREATE SEQUENCE</c> / <c>ALTER SEQUENCE</c>.</summary>
public sealed record SequenceStatement(SqlStatement Sql, ObjectName Sequence, bool Create) : AnalyzedStatement(Sql);

/// <summary><c>LOCK [TABLE] name [, …] [IN mode MODE]</c>.</summary>
public sealed record LockStatement(SqlStatement Sql, IReadOnlyList<ObjectName> Tables, LockMode Mode) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => Tables;
}

public enum DmlKind
{
    Insert,
    Update,
    Delete,
    Merge,
}

/// <summary>INSERT / UPDATE / DELETE / MERGE on a table (after an optional WITH clause).</summary>
public sealed record DmlStatement(SqlStatement Sql, DmlKind Kind, ObjectName Table, bool HasWhere) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => [Table];
}

/// <summary><c>REFRESH MATERIALIZED VIEW [CONCURRENTLY] name</c>.</summary>
public sealed record RefreshMaterializedViewStatement(SqlStatement Sql, ObjectName View, bool Concurrently) : AnalyzedStatement(Sql);

/// <summary><c>CREATE [OR REPLACE] [CONSTRAINT] TRIGGER … ON table …</c>.</summary>
public sealed record CreateTriggerStatement(SqlStatement Sql, ObjectName Table) : AnalyzedStatement(Sql)
{
    public override IEnumerable<ObjectName> TouchedTables => [Table];
}

/// <summary><c>CREATE DATABASE</c>, <c>CREATE SCHEMA</c>, <c>CREATE EXTENSION</c>, <c>CREATE VIEW</c> … : objects the rules only need to know exist.</summary>
public sealed record CreateOtherStatement(SqlStatement Sql, string ObjectKind, ObjectName? Name) : AnalyzedStatement(Sql);

/// <summary><c>ALTER DOMAIN name …</c>; <c>AddsConstraint</c> for <c>ADD [CONSTRAINT n] CHECK (…) [NOT VALID]</c>.</summary>
public sealed record AlterDomainStatement(SqlStatement Sql, ObjectName Domain, bool AddsConstraint, bool NotValid) : AnalyzedStatement(Sql);
