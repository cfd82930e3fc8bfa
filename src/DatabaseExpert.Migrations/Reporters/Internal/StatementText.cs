using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>SQL reduced to what PostgreSQL reads: comments and layout dropped, unquoted words in lower case.</summary>
internal static class StatementText
{
    public static string Normalize(string sql) => Normalize(SqlScript.Parse(sql).Tokens);

    public static string Normalize(SqlStatement statement) => Normalize(statement.Tokens);

    private static string Normalize(IEnumerable<SqlToken> tokens) =>
        string.Join(' ', tokens.Where(t => !t.IsTrivia).Select(t => t.Kind == SqlTokenKind.Identifier ? t.Text.ToLowerInvariant() : t.Text));
}
