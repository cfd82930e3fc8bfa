using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>An expression as written in a statement (a DEFAULT, a CHECK, a USING clause), with its tokens.</summary>
public sealed record SqlExpression(string Text, IReadOnlyList<SqlToken> Tokens, SqlPosition Position)
{
    /// <summary>The functions the expression calls, by their unqualified lower-case name (in order of appearance).</summary>
    public IReadOnlyList<FunctionCall> Calls => Internal.ExpressionScanner.Calls(Tokens);

    public override string ToString() => Text;
}

/// <summary>A function called in an expression: its name (schema when written) and where.</summary>
public sealed record FunctionCall(string? Schema, string Name, SqlPosition Position);

/// <summary>
/// What PostgreSQL knows about an expression's result across rows (pg_proc.provolatile): an immutable or stable
/// expression has the same value for every row of one statement, a volatile one may differ per row.
/// </summary>
public enum Volatility
{
    Immutable,
    Stable,
    Volatile,

    /// <summary>A function dbx does not know (a user function, an extension's): PostgreSQL's default for CREATE FUNCTION is VOLATILE.</summary>
    Unknown,
}
