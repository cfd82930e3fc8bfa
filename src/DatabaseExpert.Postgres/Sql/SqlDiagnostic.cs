namespace DatabaseExpert.Postgres.Sql;

public enum SqlDiagnosticSeverity
{
    /// <summary>Something the lexer skipped on purpose (a psql meta-command).</summary>
    Note,

    /// <summary>The text is not valid SQL here (an unterminated string, comment or dollar quote).</summary>
    Error,
}

/// <summary>A problem or remark about SQL text, with where it is.</summary>
public sealed record SqlDiagnostic(SqlDiagnosticSeverity Severity, string Message, SqlPosition Position, string? File = null)
{
    /// <summary><c>file:line:col: message</c> (without the file when the SQL did not come from one).</summary>
    public override string ToString() => File is null ? $"{Position}: {Message}" : $"{File}:{Position}: {Message}";
}
