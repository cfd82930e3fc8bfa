using DatabaseExpert.Postgres.Sql;
using Npgsql;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>Places a server error in the migration file: the server's cursor position counts characters of the statement sent.</summary>
internal static class ErrorLocator
{
    public static TraceError FromServer(PostgresException error, SqlStatement statement, SqlSource source, int firstLine)
    {
        var position = statement.Start;
        if (error.Position > 0 && error.Position <= statement.Text.Length)
        {
            position = source.PositionOf(statement.Start.Offset + error.Position - 1);
        }

        return new TraceError(error.MessageText, error.SqlState, position.Line + firstLine - 1, position.Column, error.Detail, error.Hint);
    }

    /// <summary>An error dbx raises itself for a statement (at its start).</summary>
    public static TraceError At(SqlStatement statement, int firstLine, string message, string sqlState, string? hint = null) =>
        new(message, sqlState, statement.Start.Line + firstLine - 1, statement.Start.Column, null, hint);
}
