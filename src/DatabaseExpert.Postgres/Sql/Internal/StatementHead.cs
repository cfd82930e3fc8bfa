using System.Collections.Frozen;

namespace DatabaseExpert.Postgres.Sql.Internal;

/// <summary>The leading keywords of a statement, for classification.</summary>
internal static class StatementHead
{
    // Words that can appear before the first object name of a statement. Anything else ends the head.
    private static readonly FrozenSet<string> HeadWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "ABORT", "ACCESS", "AGGREGATE", "ALL", "ALTER", "ANALYSE", "ANALYZE", "AS", "AUTHORIZATION", "BEGIN", "BY", "CALL",
        "CAST", "CHARACTERISTICS", "CHECKPOINT", "CLASS", "CLOSE", "CLUSTER", "COLLATION", "COMMENT", "COMMIT", "CONCURRENTLY",
        "CONFIGURATION", "CONSTRAINT", "CONVERSION", "COPY", "CREATE", "DATA", "DATABASE", "DEALLOCATE", "DECLARE", "DEFAULT",
        "DELETE", "DICTIONARY", "DISCARD", "DISTINCT", "DO", "DOMAIN", "DROP", "END", "EVENT", "EXECUTE", "EXISTS",
        "EXPLAIN", "EXTENSION", "FAMILY", "FETCH", "FOREIGN", "FREEZE", "FROM", "FULL", "FUNCTION", "GLOBAL", "GRANT",
        "GROUP", "IF", "IMPORT", "INDEX", "INSERT", "INTO", "LABEL", "LANGUAGE", "LARGE", "LISTEN", "LOAD", "LOCAL", "LOCK",
        "MAPPING", "MATERIALIZED", "MERGE", "METHOD", "MOVE", "NOT", "NOTIFY", "OBJECT", "ON", "ONLY", "OPERATOR", "OR",
        "OWNED", "PARSER", "POLICY", "PREPARE", "PREPARED", "PRIVILEGES", "PROCEDURAL", "PROCEDURE", "PUBLICATION",
        "REASSIGN", "RECURSIVE", "REFRESH", "REINDEX", "RELEASE", "REPLACE", "RESET", "REVOKE", "ROLE", "ROLLBACK", "RULE",
        "SAVEPOINT", "SCHEMA", "SEARCH", "SECURITY", "SELECT", "SEQUENCE", "SERVER", "SESSION", "SET", "SHOW", "START",
        "STATISTICS", "SUBSCRIPTION", "SYSTEM", "TABLE", "TABLESPACE", "TEMP", "TEMPLATE", "TEMPORARY", "TEXT", "TRANSACTION",
        "TRANSFORM", "TRIGGER", "TRUNCATE", "TRUSTED", "TYPE", "UNIQUE", "UNLISTEN", "UNLOGGED", "UPDATE", "USER", "VACUUM",
        "VALUES", "VERBOSE", "VIEW", "WITH", "WORK", "WRAPPER");

    public static string Keywords(IReadOnlyList<SqlToken> tokens)
    {
        var words = new List<string>(4);
        foreach (var token in tokens)
        {
            if (token.IsTrivia)
            {
                continue;
            }

            if (token.Kind != SqlTokenKind.Identifier || !HeadWords.Contains(token.Text))
            {
                break;
            }

            words.Add(token.Text.ToUpperInvariant());
        }

        return string.Join(' ', words);
    }

    public static bool StartsWith(IReadOnlyList<SqlToken> tokens, ReadOnlySpan<string> words)
    {
        var matched = 0;
        for (var i = 0; i < tokens.Count && matched < words.Length; i++)
        {
            var token = tokens[i];
            if (token.IsTrivia)
            {
                continue;
            }

            if (!token.IsKeyword(words[matched]))
            {
                return false;
            }

            matched++;
        }

        return matched == words.Length;
    }
}
