using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary>
/// A statement of a migration with what it does: the object it acts on and how. Produced by
/// <see cref="StatementClassifier"/>; rules match on the derived types.
/// </summary>
public abstract record AnalyzedStatement(SqlStatement Sql)
{
    /// <summary>Where the statement starts.</summary>
    public SqlPosition Position => Sql.Start;

    /// <summary>The tables whose rows this statement reads or changes, or that it alters (not the ones it creates).</summary>
    public virtual IEnumerable<ObjectName> TouchedTables => [];
}

/// <summary>A statement the rules have nothing to say about (SELECT, GRANT, CREATE VIEW, COMMENT …).</summary>
public sealed record UnclassifiedStatement(SqlStatement Sql) : AnalyzedStatement(Sql);

/// <summary>A statement whose effect cannot be read from its text (a DO block, a CALL): reported as not analysed.</summary>
public sealed record OpaqueStatement(SqlStatement Sql, string Reason) : AnalyzedStatement(Sql);

/// <summary>A statement the rules care about whose shape the reader did not follow: reported as not analysed, never an error.</summary>
public sealed record UnparsedStatement(SqlStatement Sql, string Reason, SqlPosition At) : AnalyzedStatement(Sql);
