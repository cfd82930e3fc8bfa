using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (…)</c>.</summary>
public sealed record CreateIndexStatement(SqlStatement Sql, string? Name, ObjectName Table) : AnalyzedStatement(Sql)
{
    public bool Unique { get; init; }

    public bool Concurrently { get; init; }

    public bool IfNotExists { get; init; }

    public string? Method { get; init; }

    /// <summary>The key columns or expressions, as written.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    public bool HasInclude { get; init; }

    public bool NullsNotDistinct { get; init; }

    /// <summary>Where CONCURRENTLY goes (just after INDEX): for rewrites.</summary>
    public int IndexKeywordEnd { get; init; }

    public override IEnumerable<ObjectName> TouchedTables => [Table];
}

/// <summary><c>DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, …] [CASCADE]</c>.</summary>
public sealed record DropIndexStatement(SqlStatement Sql, IReadOnlyList<ObjectName> Indexes) : AnalyzedStatement(Sql)
{
    public bool Concurrently { get; init; }

    public bool IfExists { get; init; }

    public bool Cascade { get; init; }
}

public enum ReindexTarget
{
    Index,
    Table,
    Schema,
    Database,
    System,
}

/// <summary><c>REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name</c>.</summary>
public sealed record ReindexStatement(SqlStatement Sql, ReindexTarget Target, ObjectName? Name) : AnalyzedStatement(Sql)
{
    public bool Concurrently { get; init; }

    public override IEnumerable<ObjectName> TouchedTables => Target == ReindexTarget.Table && Name is not null ? [Name] : [];
}
