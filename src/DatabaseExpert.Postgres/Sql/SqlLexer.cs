using DatabaseExpert.Postgres.Sql.Internal;

namespace DatabaseExpert.Postgres.Sql;

/// <summary>The tokens of SQL text and the lexical errors found on the way (never an exception for bad SQL).</summary>
public sealed record SqlTokens(SqlSource Source, IReadOnlyList<SqlToken> Tokens, IReadOnlyList<SqlDiagnostic> Errors);

/// <summary>PostgreSQL's lexical rules (standard_conforming_strings on) plus psql meta-commands. See <see cref="SqlTokenKind"/>.</summary>
public static class SqlLexer
{
    public static SqlTokens Tokenize(string text, string? file = null) => Tokenize(new SqlSource(text, file));

    public static SqlTokens Tokenize(SqlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (tokens, errors) = Scanner.Scan(source);
        return new SqlTokens(source, tokens, errors);
    }
}
