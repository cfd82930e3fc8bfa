using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>The statement has a shape the DDL reader does not follow; it becomes an <see cref="Statements.UnparsedStatement"/>.</summary>
internal sealed class ParseException(string message, SqlPosition position) : Exception(message)
{
    public SqlPosition Position { get; } = position;
}
