using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Statements;

/// <summary><c>CREATE TYPE name AS ENUM (…)</c>.</summary>
public sealed record CreateEnumStatement(SqlStatement Sql, ObjectName Type, IReadOnlyList<string> Values) : AnalyzedStatement(Sql);

/// <summary><c>ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']</c>.</summary>
public sealed record AddEnumValueStatement(SqlStatement Sql, ObjectName Type, string Value, SqlPosition ValuePosition) : AnalyzedStatement(Sql)
{
    public bool IfNotExists { get; init; }

    /// <summary>The neighbour named by BEFORE or AFTER, if any.</summary>
    public string? Neighbour { get; init; }

    public bool Before { get; init; }
}

/// <summary><c>CREATE [OR REPLACE] FUNCTION|PROCEDURE name (…) …</c>, with the volatility it declares.</summary>
public sealed record CreateFunctionStatement(SqlStatement Sql, ObjectName Function, Volatility Volatility) : AnalyzedStatement(Sql);
